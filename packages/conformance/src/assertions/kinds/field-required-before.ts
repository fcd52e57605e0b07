import type { Evaluator } from '../evaluator.ts';
import { firstNotRequiring, fixPointer, formRequires, notRequired, schemaRequires } from '../form-requirements.ts';
import { eachStateTagged, noFieldWithTag } from '../tagged-elements.ts';

/**
 * A field tagged F is required before the record leaves a state tagged T: it is required by the
 * record schema, by the state's form (or the start form, for the initial state), or by the form of
 * every transition leaving the state (self-loops stay in the state and do not count).
 */
export const fieldRequiredBefore: Evaluator<'fieldRequiredBefore'> = ({ fieldTag, leavingStateTag }, index) => {
  const { definition } = index;
  const fields = index.fieldsTagged(fieldTag);
  if (fields.length === 0) return [noFieldWithTag(fieldTag)];
  const everywhere = schemaRequires(index, fields);
  return eachStateTagged(index, leavingStateTag, (state, s) => {
    if (everywhere || formRequires(index, state.form, fields)) return [];
    if (s === index.initial && formRequires(index, definition.startForm, fields)) return [];
    const t = firstNotRequiring(index, index.outgoing[s]!, fields);
    if (t === undefined) return [];
    const at = fixPointer(index, t, fields);
    return [notRequired('FIELD_NOT_REQUIRED_BEFORE_LEAVING', at, fieldTag, state.id, definition.transitions[t]!.id)];
  });
};
