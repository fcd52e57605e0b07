import type { Evaluator } from '../evaluator.ts';
import { failure, type AssertionFailure } from '../result.ts';
import { fixPointer, formRequires } from './field-required-before.ts';

/**
 * A field tagged F is required whenever the record enters a state tagged T: the record schema
 * requires it, or the form of every transition entering the state from another one does (the
 * start form, when the state is the initial one). One failure per state, at its first entering
 * transition that lacks it.
 */
export const fieldRequiredOnEntry: Evaluator<'fieldRequiredOnEntry'> = ({ fieldTag, stateTag }, index) => {
  const { definition } = index;
  const fields = index.fieldsTagged(fieldTag);
  if (fields.length === 0) {
    return [
      failure('NO_FIELD_WITH_TAG', '/record/schema/properties', { element: 'field', tag: fieldTag }, { tag: fieldTag }),
    ];
  }
  const states = index.statesTagged(stateTag);
  if (states.length === 0) {
    return [failure('NO_STATE_WITH_TAG', '/states', { element: 'state', tag: stateTag }, { tag: stateTag })];
  }
  const required = definition.record.schema.required ?? [];
  if (fields.some((field) => required.includes(field))) return [];
  const failures: AssertionFailure[] = [];
  for (const s of states) {
    const state = definition.states[s]!;
    if (s === index.initial && !formRequires(index, definition.startForm, fields)) {
      failures.push(
        failure(
          'FIELD_NOT_REQUIRED_ON_ENTRY',
          '/startForm',
          { element: 'form-field', tag: fieldTag },
          { tag: fieldTag, state: state.id, transition: '—' },
        ),
      );
      continue;
    }
    for (const t of index.incoming[s]!) {
      const transition = definition.transitions[t]!;
      if (transition.from === transition.to || formRequires(index, transition.form, fields)) continue;
      failures.push(
        failure(
          'FIELD_NOT_REQUIRED_ON_ENTRY',
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
