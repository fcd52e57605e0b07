import type { Evaluator } from '../evaluator.ts';
import { eachStateNeedingField, firstNotRequiring, formRequires } from '../form-requirements.ts';

/**
 * A field tagged F is required before the record leaves a state tagged T: it is required by the
 * record schema, by the state's form (or the start form, for the initial state), or by the form of
 * every transition leaving the state (self-loops stay in the state and do not count).
 */
export const fieldRequiredBefore: Evaluator<'fieldRequiredBefore'> = ({ fieldTag, leavingStateTag }, index) =>
  eachStateNeedingField(index, 'FIELD_NOT_REQUIRED_BEFORE_LEAVING', fieldTag, leavingStateTag, (state, s, need) => {
    if (formRequires(index, state.form, need.fields)) return [];
    if (s === index.initial && formRequires(index, index.definition.startForm, need.fields)) return [];
    return firstNotRequiring(index, need, index.outgoing[s]!, state.id);
  });
