import { DEFINITION_FORMAT_VERSION } from '@clauseflow/definition';

/** The definition format versions the checker understands. */
export const SUPPORTED_DEFINITION_FORMATS: readonly number[] = [DEFINITION_FORMAT_VERSION];

export * from './requirement-set/index.ts';

// The assertion vocabulary and the checker (issue 6).
export * from './assertions/index.ts';
export * from './checker/index.ts';
