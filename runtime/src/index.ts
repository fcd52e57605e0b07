import { DEFINITION_FORMAT_VERSION } from '@clauseflow/definition';

/** The definition format versions the runtime can run. */
export const RUNNABLE_DEFINITION_FORMATS: readonly number[] = [DEFINITION_FORMAT_VERSION];

// Definitions (drafts, immutable versions) and the template catalogue (packs, upgrades).
export * from './definitions/definition-store.ts';
export * from './catalogue/index.ts';
