export * from './format/index.ts';
export * from './validation/index.ts';
export * from './compile/index.ts';
export * from './diff/index.ts';
export { definitionJsonSchemaText } from './json-schema.ts';
export { canonicalJson } from './canonical-json.ts';

/** The process-definition format version this package reads and writes. */
export { CURRENT_FORMAT_VERSION as DEFINITION_FORMAT_VERSION } from './format/index.ts';
