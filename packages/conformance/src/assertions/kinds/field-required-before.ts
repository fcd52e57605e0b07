import type { Evaluator } from '../evaluator.ts';
import { eachStateNeedingField, fixPointer, formRequires, notRequired } from '../form-requirements.ts';
import { beyondTagged, requiredOnPaths, type RequiredOnPaths } from '../paths.ts';

/**
 * A field tagged F is required before the record leaves the states tagged T, over paths: on
 * every path from the start that leaves them for good (enters a state beyond them, see
 * beyondTagged), the field is required at or before that step: by the record schema, the start
 * form, the form of a state passed (the T state's own included) or of a transition taken (the
 * leaving one included). So a split T state, a triage step tagged T, a detour and back, or a
 * requirement met on entry to T all conform. One failure per T state, at its first leaving
 * transition that lacks it.
 */
export const fieldRequiredBefore: Evaluator<'fieldRequiredBefore'> = ({ fieldTag, leavingStateTag }, index) => {
  const { definition } = index;
  let analysis: { paths: RequiredOnPaths; beyond: Uint8Array } | undefined;
  return eachStateNeedingField(
    index,
    'FIELD_NOT_REQUIRED_BEFORE_LEAVING',
    fieldTag,
    leavingStateTag,
    (state, s, need) => {
      analysis ??= {
        paths: requiredOnPaths(index, (form) => formRequires(index, form, need.fields)),
        beyond: beyondTagged(index, leavingStateTag),
      };
      const { paths, beyond } = analysis;
      const t = index.outgoing[s]!.find((candidate) => {
        const to = index.stateIndex.get(definition.transitions[candidate]!.to);
        return to !== undefined && beyond[to] === 1 && !paths.byTransition(candidate);
      });
      if (t === undefined) return [];
      return [notRequired(need, fixPointer(index, t, need.fields), state.id, definition.transitions[t]!.id)];
    },
  );
};
