import type { LocalizedText } from '../format/common.ts';
import type { Condition } from '../format/condition.ts';
import type { Form, Widget } from '../format/form.ts';
import type { FieldSchema, RecordRef, RecordSchema } from '../format/record.ts';

export type { Widget };

/** One field of a generated UI schema. */
export interface UiField {
  field: string;
  label: LocalizedText;
  help?: LocalizedText;
  widget: Widget;
  required: boolean;
  readOnly: boolean;
  /** Shown only while this condition (json-rules-engine syntax, over the form's data) holds. */
  visibleWhen?: Condition;
  /** For select and radio widgets: the allowed values. */
  options?: unknown[];
  /**
   * For a record-reference field: the process whose records it names and whether it holds a
   * list. The `record` widget looks them up (`GET /api/processes/{process}/records/lookup`).
   */
  ref?: { process: string; many: boolean };
}

/** The UI schema of a form: sections (steps) in order, fields in order, with widgets and visibility. */
export interface FormUiSchema {
  form: string;
  label: LocalizedText;
  /** Every field, in display order. */
  order: string[];
  sections: { id: string; label: LocalizedText; fields: UiField[] }[];
}

/** A JSON Schema object (draft 2020-12). */
export type JsonSchema = Record<string, unknown>;

/**
 * Generates a form's JSON Schema from the record schema and the form's fields: only the form's
 * fields, no others; required per the form's flags (a conditionally visible field is required
 * only while its condition holds, expressed with `if`/`then` when the condition translates).
 */
export function formJsonSchema(form: Form, record: RecordSchema): JsonSchema {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const conditional: JsonSchema[] = [];
  for (const section of form.sections) {
    for (const f of section.fields) {
      const base: Record<string, unknown> = fieldSchema(record, f.field) ?? {};
      const label = f.label ?? (base['x-label'] as LocalizedText | undefined);
      properties[f.field] = {
        ...base,
        ...(label ? { title: label.en, 'x-label': label } : {}),
        ...(f.readOnly ? { readOnly: true } : {}),
      };
      if (!f.required) continue;
      if (!f.visibleWhen) {
        required.push(f.field);
        continue;
      }
      const when = conditionToSchema(f.visibleWhen);
      if (when) conditional.push({ if: when, then: { required: [f.field] } });
    }
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: form.label.en,
    'x-label': form.label,
    type: 'object',
    properties,
    required,
    additionalProperties: false,
    ...(conditional.length > 0 ? { allOf: conditional } : {}),
  };
}

/** Generates the UI schema of a form (order, widgets, visibility, sections, labels in en and zh). */
export function formUiSchema(form: Form, record: RecordSchema): FormUiSchema {
  const sections = form.sections.map((section) => ({
    id: section.id,
    label: section.label,
    fields: section.fields.map((f): UiField => {
      const base = fieldSchema(record, f.field);
      const enumValues = Array.isArray(base?.['enum']) ? (base['enum'] as unknown[]) : undefined;
      const ref = recordRef(base);
      return {
        field: f.field,
        label: f.label ?? base?.['x-label'] ?? { en: f.field, zh: f.field },
        ...(f.help ? { help: f.help } : {}),
        widget: f.widget ?? defaultWidget(base ?? {}),
        required: f.required === true,
        readOnly: f.readOnly === true,
        ...(f.visibleWhen ? { visibleWhen: f.visibleWhen } : {}),
        ...(enumValues ? { options: enumValues } : {}),
        ...(ref ? { ref: { process: ref.process, many: ref.many === true } } : {}),
      };
    }),
  }));
  return { form: form.id, label: form.label, order: sections.flatMap((s) => s.fields.map((f) => f.field)), sections };
}

/** A record field's JSON Schema, read as an own property only. */
function fieldSchema(record: RecordSchema, field: string): FieldSchema | undefined {
  return Object.hasOwn(record.properties, field) ? record.properties[field] : undefined;
}

/** A field's `x-ref`, when it is a record-reference field. */
function recordRef(schema: FieldSchema | undefined): RecordRef | undefined {
  const ref = schema?.['x-ref'];
  return ref !== null && typeof ref === 'object' && typeof ref.process === 'string' ? ref : undefined;
}

/** The widget a field gets when the form does not name one. */
export function defaultWidget(schema: Record<string, unknown>): Widget {
  if (recordRef(schema as FieldSchema)) return 'record';
  if (Array.isArray(schema['enum'])) return 'select';
  if (schema['type'] === 'boolean') return 'checkbox';
  if (schema['type'] === 'number' || schema['type'] === 'integer') return 'number';
  if (schema['format'] === 'date') return 'date';
  if (schema['format'] === 'date-time') return 'datetime';
  const max = schema['maxLength'];
  if (typeof max === 'number' && max > 500) return 'textarea';
  return 'text';
}

/**
 * Translates a condition over top-level fields into JSON Schema, or `undefined` when it uses
 * something JSON Schema cannot say (paths, fact references, `contains` on strings, …).
 */
export function conditionToSchema(condition: Condition): JsonSchema | undefined {
  if ('all' in condition) return combine('allOf', condition.all);
  if ('any' in condition) return combine('anyOf', condition.any);
  if ('not' in condition) {
    const inner = conditionToSchema(condition.not);
    return inner ? { not: inner } : undefined;
  }
  if (condition.path !== undefined) return undefined;
  const value: unknown = condition.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return undefined;
  const on = (schema: JsonSchema): JsonSchema => ({
    properties: { [condition.fact]: schema },
    required: [condition.fact],
  });
  switch (condition.operator) {
    case 'equal':
      return on({ const: value });
    case 'notEqual':
      return { not: on({ const: value }) };
    case 'in':
      return Array.isArray(value) ? on({ enum: value }) : undefined;
    case 'notIn':
      return Array.isArray(value) ? { not: on({ enum: value }) } : undefined;
    case 'lessThan':
      return typeof value === 'number' ? on({ type: 'number', exclusiveMaximum: value }) : undefined;
    case 'lessThanInclusive':
      return typeof value === 'number' ? on({ type: 'number', maximum: value }) : undefined;
    case 'greaterThan':
      return typeof value === 'number' ? on({ type: 'number', exclusiveMinimum: value }) : undefined;
    case 'greaterThanInclusive':
      return typeof value === 'number' ? on({ type: 'number', minimum: value }) : undefined;
    case 'contains':
      return on({ type: 'array', contains: { const: value } });
    case 'doesNotContain':
      return { not: on({ type: 'array', contains: { const: value } }) };
  }
}

function combine(keyword: 'allOf' | 'anyOf', conditions: Condition[]): JsonSchema | undefined {
  const parts = conditions.map(conditionToSchema);
  if (parts.some((p) => p === undefined)) return undefined;
  return { [keyword]: parts };
}
