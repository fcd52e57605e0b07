import { Type } from 'typebox';

/** A referenced record as a record view shows it: title and state only when the caller may see it. */
export const ReferenceViewSchema = Type.Union(
  [
    Type.Object(
      {
        id: Type.String(),
        visible: Type.Literal(true),
        processKey: Type.String(),
        title: Type.String(),
        state: Type.String(),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      { id: Type.String(), visible: Type.Literal(false, { description: 'Missing, or not visible to the caller.' }) },
      { additionalProperties: false },
    ),
  ],
  { title: 'RecordReference' },
);

/** Each record-reference field of a record, resolved (a list for a `many` field). */
export const ReferencesSchema = Type.Record(
  Type.String(),
  Type.Union([ReferenceViewSchema, Type.Array(ReferenceViewSchema)]),
  { description: 'Each record-reference field (x-ref) resolved for the caller.' },
);

export const LookupQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Text in the title (case-insensitive, literal).' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'At most this many (default 20).' })),
  },
  { additionalProperties: false },
);

export const LookupPageSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object({ id: Type.String(), title: Type.String(), state: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false, title: 'RecordLookupPage' },
);

export const ReferencedByQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'At most this many (default 50).' })) },
  { additionalProperties: false },
);

export const ReferencedByPageSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          processKey: Type.String(),
          field: Type.String({ description: 'The record-reference field that names the record.' }),
          title: Type.String(),
          state: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'ReferencingRecords' },
);
