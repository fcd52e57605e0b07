import Type from 'typebox';
import { Id, LocalizedText } from './common.ts';
import { Condition } from './condition.ts';

/** The widgets a form field may use. */
export const WIDGETS = [
  'text',
  'textarea',
  'select',
  'radio',
  'checkbox',
  'number',
  'date',
  'datetime',
  'user',
  'markdown',
  /** A lookup of records of the process a record-reference field (`x-ref`) names. */
  'record',
] as const;
/** A form widget (the designer and portal render each kind). */
export type Widget = (typeof WIDGETS)[number];
const Widget = Type.Enum(WIDGETS);

/** One field on a form: a record field, how it shows, and when. */
export const FormField = Type.Object(
  {
    field: Id,
    required: Type.Optional(Type.Boolean()),
    readOnly: Type.Optional(Type.Boolean()),
    widget: Type.Optional(Widget),
    /** Shown only while this condition holds on the form's data. */
    visibleWhen: Type.Optional(Condition),
    /** Overrides the field's label on this form. */
    label: Type.Optional(LocalizedText),
    help: Type.Optional(LocalizedText),
  },
  { additionalProperties: false },
);
export type FormField = Type.Static<typeof FormField>;

/**
 * A form over record fields. Its JSON Schema and UI schema are generated from the record
 * schema and this list at compile time, so the form and the record can never disagree.
 * Sections make a multi-step form, in order.
 */
export const Form = Type.Object(
  {
    id: Id,
    label: LocalizedText,
    sections: Type.Array(
      Type.Object(
        { id: Id, label: LocalizedText, fields: Type.Array(FormField, { minItems: 1, maxItems: 100 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type Form = Type.Static<typeof Form>;
