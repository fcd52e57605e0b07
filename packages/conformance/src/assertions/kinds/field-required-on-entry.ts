import type { Evaluator } from '../evaluator.ts';
import { eachStateNeedingField, firstNotRequiring, formRequires, notRequired } from '../form-requirements.ts';

/**
 * A field tagged F is required whenever the record enters a state tagged T: the record schema
 * requires it, or the form of every transition entering the state from another one does (the
 * start form, when the state is the initial one). One failure per state, at its first entering
 * transition that lacks it.
 */
export const fieldRequiredOnEntry: Evaluator<'fieldRequiredOnEntry'> = ({ fieldTag, stateTag }, index) =>
  eachStateNeedingField(index, 'FIELD_NOT_REQUIRED_ON_ENTRY', fieldTag, stateTag, (state, s, need) => {
    if (s === index.initial && !formRequires(index, index.definition.startForm, need.fields)) {
      return [notRequired(need, '/startForm', state.id, '—')];
    }
    return firstNotRequiring(index, need, index.incoming[s]!, state.id);
  });
