import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Definition } from '../../format/definition.ts';
import { createIssue, type Issue } from '../issue.ts';

// ajv-formats is CommonJS: its default export arrives under `.default` in some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

// Strict about unknown keywords (a misspelt `maxLenght` must not pass silently), lenient about
// typing styles that are valid JSON Schema (an `enum` without `type`).
const ajv = addFormats(
  new Ajv2020({
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allErrors: false,
    logger: false,
  }),
);
ajv.addKeyword({ keyword: 'x-label', schemaType: 'object' });
ajv.addKeyword({ keyword: 'x-tags', schemaType: 'array' });
ajv.addKeyword({ keyword: 'x-ref', schemaType: 'object' });

/** INVALID_RECORD_SCHEMA: the record schema must compile with ajv (draft 2020-12). */
export function checkRecordSchema(definition: Definition): Issue[] {
  const schema = definition.record.schema;
  try {
    ajv.compile(schema);
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [createIssue('INVALID_RECORD_SCHEMA', '/record/schema', { reason })];
  } finally {
    // Record schemas are compiled once here only to check them; keep ajv's cache from growing.
    try {
      ajv.removeSchema(schema);
    } catch {
      // Never added (an $id ajv refused): nothing to remove.
    }
  }
}
