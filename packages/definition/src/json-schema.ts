import { Definition } from './format/definition.ts';

/**
 * The definition format as plain JSON Schema text (draft 2020-12), exactly as published in
 * `schema/definition.schema.json`. TypeBox schemas are plain objects; JSON round-tripping
 * drops anything that is not JSON.
 */
export function definitionJsonSchemaText(): string {
  return `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...Definition }, null, 2)}\n`;
}
