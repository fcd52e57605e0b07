import Type from 'typebox';

/** Display text in every language the product speaks. Labels are display only; identity is by id. */
export const LocalizedText = Type.Object(
  {
    en: Type.String({ minLength: 1, maxLength: 2000 }),
    zh: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false, description: 'Text in English and Simplified Chinese.' },
);
export type LocalizedText = Type.Static<typeof LocalizedText>;

/** A stable identifier of an element (state, transition, rule, form, field reference, …). */
export const Id = Type.String({
  pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$',
  description: 'Stable id: a letter, then letters, digits, "_" or "-" (64 at most).',
});

/** A semantic tag: how conformance checks find elements whatever their ids and labels. */
export const Tag = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$', description: 'kebab-case semantic tag' });
export const Tags = Type.Array(Tag, { maxItems: 32, uniqueItems: true });

/** An ISO 8601 duration such as PT4H or P2DT3H (no years or months: they have no fixed length). */
export const IsoDuration = Type.String({
  pattern: '^P(?!$)(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$',
  description: 'ISO 8601 duration without years or months, e.g. PT4H, P1DT2H, PT30M.',
});

/** Any JSON value (rule outputs, field values). */
export const JsonValue = Type.Unknown({ description: 'Any JSON value.' });
