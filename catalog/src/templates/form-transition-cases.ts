import type { Actor, Definition } from '@clauseflow/definition';
import { shippedTemplateFiles } from '../shipped-catalogue.ts';

/**
 * One transition a person takes through a form with required fields, in a shipped template, made
 * testable on its own: `definition` is the template with the transition's source state as its
 * initial state (no start form, no claims), so a record started on it sits where the event applies.
 */
export interface FormTransitionCase {
  template: string;
  transition: string;
  event: string;
  from: string;
  form: string;
  /** The fields the form always requires. */
  required: string[];
  definition: Definition;
  /** Holds every role of the template, so only the data can stand in the way. */
  actor: Actor;
  /** Start data whose record holds every field of the form (and the record's own required fields). */
  holding: Record<string, unknown>;
  /** Start data whose record lacks `field` (one of `required`) but holds the rest. */
  lacking(field: string): Record<string, unknown>;
}

/**
 * The form-guarded transitions of every shipped template (`catalog/templates/<id>/definition.json`), each
 * with a derived definition keyed `<prefix><template>--<transition>`.
 */
export function formTransitionCases(prefix = 'ff-'): FormTransitionCase[] {
  const cases: FormTransitionCase[] = [];
  for (const { json } of shippedTemplateFiles()) {
    const template = json as Definition;
    const properties = template.record.schema.properties as Record<string, Record<string, unknown>>;
    const recordRequired = (template.record.schema as { required?: string[] }).required ?? [];
    const roles = template.roles.map((role) => role.id);
    for (const transition of template.transitions) {
      if (transition.automatic || transition.form === undefined) continue;
      if (transition.actors !== undefined && transition.actors.length === 0) continue; // the system's
      const form = template.forms.find((f) => f.id === transition.form);
      if (!form) continue;
      const fields = form.sections.flatMap((section) => section.fields);
      const required = fields
        .filter((f) => f.required && f.visibleWhen === undefined && !recordRequired.includes(f.field))
        .map((f) => f.field);
      if (required.length === 0) continue;
      const base: Record<string, unknown> = {};
      for (const field of recordRequired) base[field] = sampleValue(properties[field] ?? {});
      const holding: Record<string, unknown> = { ...base };
      for (const f of fields) holding[f.field] = sampleValue(properties[f.field] ?? {});
      const { claims: _claims, startForm: _startForm, ...rest } = template;
      cases.push({
        template: template.key,
        transition: transition.id,
        event: transition.event,
        from: transition.from,
        form: form.id,
        required,
        definition: {
          ...rest,
          key: `${prefix}${template.key}--${transition.id}`,
          initialState: transition.from,
        },
        actor: { id: 'form-tester', roles },
        holding,
        lacking: (field) => {
          const data = { ...holding };
          delete data[field];
          return data;
        },
      });
    }
  }
  return cases;
}

/**
 * A value the field's JSON Schema accepts: the last enum value (the mildest, in the templates'
 * impact and urgency scales, so no automatic transition such as a major-incident declaration
 * moves the record away), the shortest valid string, the lowest number.
 */
export function sampleValue(schema: Record<string, unknown>): unknown {
  const values = schema['enum'] as unknown[] | undefined;
  if (values && values.length > 0) return values[values.length - 1];
  if (schema['const'] !== undefined) return schema['const'];
  switch (schema['type']) {
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
    case 'array': {
      const items = (schema['items'] ?? {}) as Record<string, unknown>;
      const min = typeof schema['minItems'] === 'number' ? schema['minItems'] : 1;
      return Array.from({ length: Math.max(min, 1) }, () => sampleValue(items));
    }
    default: {
      if (schema['format'] === 'date-time') return '2026-11-27T10:00:00.000Z';
      if (schema['format'] === 'date') return '2026-11-27';
      const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 1;
      return 'x'.repeat(Math.max(min, 1));
    }
  }
}
