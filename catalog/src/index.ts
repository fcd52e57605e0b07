import { SUPPORTED_DEFINITION_FORMATS } from '@clauseflow/conformance';

/** The definition formats the shipped templates are written in. */
export const CATALOG_DEFINITION_FORMATS: readonly number[] = SUPPORTED_DEFINITION_FORMATS;

export * from './requirements/index.ts';
export * from './packs/index.ts';
export * from './shipped-catalogue.ts';
