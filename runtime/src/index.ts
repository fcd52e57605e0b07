import { DEFINITION_FORMAT_VERSION } from '@clauseflow/definition';

/** The definition format versions the runtime can run. */
export const RUNNABLE_DEFINITION_FORMATS: readonly number[] = [DEFINITION_FORMAT_VERSION];
