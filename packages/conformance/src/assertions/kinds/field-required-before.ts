import type { DefinitionIndex } from '../definition-index.ts';
import type { Evaluator } from '../evaluator.ts';
import { failure, pointer, type AssertionFailure } from '../result.ts';

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

/**
 * A field tagged F is required before the record leaves a state tagged T: it is required by the
 * record schema, by the state's form (or the start form, for the initial state), or by the form of
 * every transition leaving the state (self-loops stay in the state and do not count).
 */
export const fieldRequiredBefore: Evaluator<'fieldRequiredBefore'> = ({ fieldTag, leavingStateTag }, index) => {
  const { definition } = index;
  const fields = index.fieldsTagged(fieldTag);
  if (fields.length === 0) {
    return [
      failure('NO_FIELD_WITH_TAG', '/record/schema/properties', { element: 'field', tag: fieldTag }, { tag: fieldTag }),
    ];
  }
  const states = index.statesTagged(leavingStateTag);
  if (states.length === 0) {
    return [
      failure('NO_STATE_WITH_TAG', '/states', { element: 'state', tag: leavingStateTag }, { tag: leavingStateTag }),
    ];
  }
  const required = definition.record.schema.required ?? [];
  if (fields.some((field) => required.includes(field))) return [];
  const failures: AssertionFailure[] = [];
  for (const s of states) {
    const state = definition.states[s]!;
    if (formRequires(index, state.form, fields)) continue;
    if (s === index.initial && formRequires(index, definition.startForm, fields)) continue;
    for (const t of index.outgoing[s]!) {
      const transition = definition.transitions[t]!;
      if (transition.to === transition.from) continue;
      if (formRequires(index, transition.form, fields)) continue;
      failures.push(
        failure(
          'FIELD_NOT_REQUIRED_BEFORE_LEAVING',
          fixPointer(index, t, fields),
          { element: 'form-field', tag: fieldTag },
          { tag: fieldTag, state: state.id, transition: transition.id },
        ),
      );
      break;
    }
  }
  return failures;
};
