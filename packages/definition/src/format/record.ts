import Type from 'typebox';
import { Id, LocalizedText, Tags } from './common.ts';

/**
 * Marks a field as a reference to records of another process (or of this one): the field's
 * value is a record id (`type: string`), or with `many` a list of them (`type: array` of
 * strings). The server checks each id names a record of `process` the acting user may see.
 * The key's form is checked by validation (INVALID_RECORD_REFERENCE), its existence at publish.
 */
export const RecordRef = Type.Object(
  {
    process: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Key of the process whose records are referenced.',
    }),
    many: Type.Optional(Type.Boolean({ description: 'The field holds a list of record ids.' })),
  },
  {
    additionalProperties: false,
    description: 'A record-reference field: its value is the id of a record of `process`.',
  },
);
export type RecordRef = Type.Static<typeof RecordRef>;

/**
 * One field of the record: any JSON Schema (2020-12 subset that ajv compiles) plus a
 * bilingual label, semantic tags (e.g. `impact`, `urgency`, `priority`) and, for a
 * record-reference field, `x-ref`.
 */
const FieldSchemaObject = Type.Object(
  {
    'x-label': LocalizedText,
    'x-tags': Type.Optional(Tags),
    'x-ref': Type.Optional(RecordRef),
  },
  { additionalProperties: true, description: 'JSON Schema of one record field, with x-label, x-tags and x-ref.' },
);
/** A field's JSON Schema: any keywords, plus the required `x-label` and optional `x-tags` and `x-ref`. */
export type FieldSchema = Type.Static<typeof FieldSchemaObject> & { [keyword: string]: unknown };
export const FieldSchema = Type.Unsafe<FieldSchema>(FieldSchemaObject);

const RecordSchemaObject = Type.Object(
  {
    type: Type.Literal('object'),
    properties: Type.Record(Type.String(), FieldSchema, { maxProperties: 500 }),
    required: Type.Optional(Type.Array(Type.String(), { uniqueItems: true })),
  },
  { additionalProperties: true, description: 'JSON Schema (draft 2020-12 subset) of the record data.' },
);
/** The record's data: a JSON Schema object whose properties are the fields (other keywords such as `$defs` allowed). */
export type RecordSchema = Type.Static<typeof RecordSchemaObject> & { [keyword: string]: unknown };
export const RecordSchema = Type.Unsafe<RecordSchema>(RecordSchemaObject);

export const RecordSpec = Type.Object(
  {
    schema: RecordSchema,
    /** The field shown as the record's title in lists and searched by text search. */
    titleField: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type RecordSpec = Type.Static<typeof RecordSpec>;

/** One record-reference field of a record schema. */
export interface RecordReferenceField {
  field: string;
  process: string;
  many: boolean;
}

/** The record-reference fields (`x-ref`) of a record schema, in property order; own properties only. */
export function recordReferenceFields(schema: RecordSchema): RecordReferenceField[] {
  const fields: RecordReferenceField[] = [];
  for (const [field, property] of Object.entries(schema.properties)) {
    const ref = property['x-ref'];
    if (ref !== undefined) fields.push({ field, process: ref.process, many: ref.many === true });
  }
  return fields;
}

/** A role defined by the process (requester, agent, manager, top management, …). */
export const Role = Type.Object(
  {
    id: Id,
    label: LocalizedText,
    description: Type.Optional(LocalizedText),
    tags: Type.Optional(Tags),
  },
  { additionalProperties: false },
);
export type Role = Type.Static<typeof Role>;
