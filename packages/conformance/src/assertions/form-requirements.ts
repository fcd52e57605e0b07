import type { State } from '@clauseflow/definition';
import type { DefinitionIndex } from './definition-index.ts';
import { failure, pointer, type AssertionFailure } from './result.ts';
import { eachStateTagged, noFieldWithTag } from './tagged-elements.ts';

/**
 * What the required-field assertions (`fieldRequiredBefore`, `fieldRequiredOnEntry`) share.
 */

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

/** One required-field assertion: the code it fails with, the field tag, and the fields carrying it. */
export interface FieldNeed {
  code: 'FIELD_NOT_REQUIRED_BEFORE_LEAVING' | 'FIELD_NOT_REQUIRED_ON_ENTRY';
  tag: string;
  fields: readonly string[];
}

/**
 * The frame of the required-field assertions: NO_FIELD_WITH_TAG, else NO_STATE_WITH_TAG, else
 * nothing when the record schema requires the field (every form then does), else what `check`
 * finds in each state tagged `stateTag`.
 */
export function eachStateNeedingField(
  index: DefinitionIndex,
  code: FieldNeed['code'],
  fieldTag: string,
  stateTag: string,
  check: (state: State, s: number, need: FieldNeed) => AssertionFailure[],
): AssertionFailure[] {
  const fields = index.fieldsTagged(fieldTag);
  if (fields.length === 0) return [noFieldWithTag(fieldTag)];
  const required = index.definition.record.schema.required ?? [];
  const everywhere = fields.some((field) => required.includes(field));
  const need: FieldNeed = { code, tag: fieldTag, fields };
  return eachStateTagged(index, stateTag, (state, s) => (everywhere ? [] : check(state, s, need)));
}

/** The failure of `need` in state `state`, fixed at `at` (`transition` names where the field is missing). */
export function notRequired(need: FieldNeed, at: string, state: string, transition: string): AssertionFailure {
  return failure(need.code, at, { element: 'form-field', tag: need.tag }, { tag: need.tag, state, transition });
}
