import type { Evaluator } from '../evaluator.ts';
import { firstNotRequiring, fixPointer, formRequires, notRequired, schemaRequires } from '../form-requirements.ts';
import { eachStateTagged, noFieldWithTag } from '../tagged-elements.ts';

/**
 * A field tagged F is required whenever the record enters a state tagged T: the record schema
 * requires it, or the form of every transition entering the state from another one does (the
 * start form, when the state is the initial one). One failure per state, at its first entering
 * transition that lacks it.
 */
export const fieldRequiredOnEntry: Evaluator<'fieldRequiredOnEntry'> = ({ fieldTag, stateTag }, index) => {
  const { definition } = index;
  const fields = index.fieldsTagged(fieldTag);
  if (fields.length === 0) return [noFieldWithTag(fieldTag)];
  const everywhere = schemaRequires(index, fields);
  return eachStateTagged(index, stateTag, (state, s) => {
    if (everywhere) return [];
    if (s === index.initial && !formRequires(index, definition.startForm, fields)) {
      return [notRequired('FIELD_NOT_REQUIRED_ON_ENTRY', '/startForm', fieldTag, state.id, '—')];
    }
    const t = firstNotRequiring(index, index.incoming[s]!, fields);
    if (t === undefined) return [];
    const at = fixPointer(index, t, fields);
    return [notRequired('FIELD_NOT_REQUIRED_ON_ENTRY', at, fieldTag, state.id, definition.transitions[t]!.id)];
  });
};
