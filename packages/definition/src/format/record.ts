import Type from 'typebox';
import { Id, LocalizedText, Tags } from './common.ts';

/**
 * One field of the record: any JSON Schema (2020-12 subset that ajv compiles) plus a
 * bilingual label and semantic tags (e.g. `impact`, `urgency`, `priority`).
 */
const FieldSchemaObject = Type.Object(
  {
    'x-label': LocalizedText,
    'x-tags': Type.Optional(Tags),
  },
  { additionalProperties: true, description: 'JSON Schema of one record field, with x-label and x-tags.' },
);
/** A field's JSON Schema: any keywords, plus the required `x-label` and optional `x-tags`. */
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
