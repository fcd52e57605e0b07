import type { DefinitionIndex } from './definition-index.ts';
import { failure, pointer, type AssertionFailure } from './result.ts';

/** What the required-field assertions (`fieldRequiredBefore`, `fieldRequiredOnEntry`) share. */

/** Does form `formId` require one of `fields`? */
export function formRequires(index: DefinitionIndex, formId: string | undefined, fields: readonly string[]): boolean {
  if (formId === undefined) return false;
  const f = index.formIndex.get(formId);
  if (f === undefined) return false;
  const slots = index.formFields[f]!;
  return fields.some((field) => slots.get(field)?.required === true);
}

/** Where requiring the field on transition `t` belongs: its form's slot, its form, or the transition itself. */
export function fixPointer(index: DefinitionIndex, t: number, fields: readonly string[]): string {
  const formId = index.definition.transitions[t]!.form;
  const f = formId === undefined ? undefined : index.formIndex.get(formId);
  if (f === undefined) return pointer('transitions', t, 'form');
  const slots = index.formFields[f]!;
  for (const field of fields) {
    const slot = slots.get(field);
    if (slot) return pointer('forms', f, 'sections', slot.section, 'fields', slot.index, 'required');
  }
  return pointer('forms', f, 'sections', 0, 'fields');
}

/** The first of `transitions` that moves to another state without its form requiring one of `fields`. */
export function firstNotRequiring(
  index: DefinitionIndex,
  transitions: readonly number[],
  fields: readonly string[],
): number | undefined {
  return transitions.find((t) => {
    const transition = index.definition.transitions[t]!;
    return transition.from !== transition.to && !formRequires(index, transition.form, fields);
  });
}

/** Does the record schema itself require one of `fields` (so every form does)? */
export function schemaRequires(index: DefinitionIndex, fields: readonly string[]): boolean {
  const required = index.definition.record.schema.required ?? [];
  return fields.some((field) => required.includes(field));
}

/** A failure of a required-field assertion: the field tagged `tag` is not required where it must be. */
export function notRequired(
  code: 'FIELD_NOT_REQUIRED_BEFORE_LEAVING' | 'FIELD_NOT_REQUIRED_ON_ENTRY',
  at: string,
  tag: string,
  state: string,
  transition: string,
): AssertionFailure {
  return failure(code, at, { element: 'form-field', tag }, { tag, state, transition });
}
