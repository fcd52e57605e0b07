import type { Evaluator } from '../evaluator.ts';
import { failure, pointer, type AssertionFailure } from '../result.ts';
import { liveForms } from '../paths.ts';
import { noFieldWithTag } from '../tagged-elements.ts';

/**
 * Each tag in `fieldTags` is captured by some form a record can be shown (the start form, or a
 * form of a reachable state or transition; see liveForms): a field with
 * that tag is on the form (and required there, with `required`). A tag no form captures fails
 * with a pointer to the start form's fields (or to `/forms` when there is no start form).
 */
export const formCaptures: Evaluator<'formCaptures'> = ({ fieldTags, required }, index) => {
  const { definition } = index;
  const failures: AssertionFailure[] = [];
  const uncaptured: string[] = [];
  const live = liveForms(index);
  for (const tag of fieldTags) {
    const fields = index.fieldsTagged(tag);
    if (fields.length === 0) {
      failures.push(noFieldWithTag(tag));
      continue;
    }
    const captured = index.formFields.some(
      (slots, f) =>
        live.has(f) &&
        fields.some((field) => {
          const slot = slots.get(field);
          return slot !== undefined && (required !== true || slot.required);
        }),
    );
    if (!captured) uncaptured.push(tag);
  }
  if (uncaptured.length > 0) {
    const start = definition.startForm === undefined ? undefined : index.formIndex.get(definition.startForm);
    const where = start === undefined ? '/forms' : pointer('forms', start, 'sections', 0, 'fields');
    failures.push(
      failure(
        required === true ? 'NO_FORM_REQUIRES_FIELDS' : 'NO_FORM_CAPTURES_FIELDS',
        where,
        { element: 'form-field', tag: uncaptured[0]! },
        { tags: uncaptured.map((t) => `'${t}'`).join(', ') },
      ),
    );
  }
  return failures;
};
