import type { Evaluator } from '../evaluator.ts';
import { eachStateNeedingField, fixPointer, formRequires, notRequired } from '../form-requirements.ts';
import { isReachable, requiredOnPaths, type RequiredOnPaths } from '../paths.ts';

/**
 * A field tagged F is required whenever the record enters a state tagged T, over paths: on every
 * path from the start to such a state, the field is required at or before entering it: by the
 * record schema, the start form, the form of a state passed or of a transition taken (the
 * entering one included). One failure per state: at the start form when the state is the initial
 * one and the start form lacks it, else at the first entering transition on a path that lacks it.
 */
export const fieldRequiredOnEntry: Evaluator<'fieldRequiredOnEntry'> = ({ fieldTag, stateTag }, index) => {
  const { definition } = index;
  let paths: RequiredOnPaths | undefined;
  return eachStateNeedingField(index, 'FIELD_NOT_REQUIRED_ON_ENTRY', fieldTag, stateTag, (state, s, need) => {
    paths ??= requiredOnPaths(index, (form) => formRequires(index, form, need.fields));
    if (paths.onEntry(s)) return [];
    if (s === index.initial && !formRequires(index, definition.startForm, need.fields)) {
      return [notRequired(need, '/startForm', state.id, '—')];
    }
    const lacking = paths;
    const t = index.incoming[s]!.find((candidate) => {
      const from = index.stateIndex.get(definition.transitions[candidate]!.from);
      return from !== undefined && from !== s && isReachable(index, from) && !lacking.byTransition(candidate);
    });
    if (t === undefined) return [];
    return [notRequired(need, fixPointer(index, t, need.fields), state.id, definition.transitions[t]!.id)];
  });
};
