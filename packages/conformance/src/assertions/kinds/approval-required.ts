import type { Evaluator } from '../evaluator.ts';
import { beyondTagged, happenedOnPaths, type RequiredOnPaths } from '../paths.ts';
import { failure, pointer } from '../result.ts';
import { eachStateTagged } from '../tagged-elements.ts';

/**
 * The states tagged `stateTag` ask for an approval, over paths: in every visit to them, the
 * record passes one of them that asks for an approval before it leaves them for good (enters a
 * state beyond them, see beyondTagged); a final state so tagged asks one itself. So a tagged
 * preparation step before the approving state conforms, and a way out of the tagged states that
 * skips the approval fails at the approval of the state it leaves from.
 */
export const approvalRequired: Evaluator<'approvalRequired'> = ({ stateTag }, index) => {
  const { definition } = index;
  let analysis: { paths: RequiredOnPaths; beyond: Uint8Array } | undefined;
  return eachStateTagged(index, stateTag, (state, s) => {
    if (state.approval) return [];
    analysis ??= {
      paths: happenedOnPaths(index, {
        atStart: false,
        inState: (x) => definition.states[x]!.approval !== undefined && definition.states[x]!.tags.includes(stateTag),
        onTransition: () => false,
        visit: Uint8Array.from(definition.states, (x) => (x.tags.includes(stateTag) ? 1 : 0)),
      }),
      beyond: beyondTagged(index, stateTag),
    };
    const { paths, beyond } = analysis;
    const skips =
      state.kind === 'final' ||
      index.outgoing[s]!.some((t) => {
        const to = index.stateIndex.get(definition.transitions[t]!.to);
        return to !== undefined && beyond[to] === 1 && !paths.byTransition(t);
      });
    if (!skips) return [];
    return [
      failure(
        'NO_APPROVAL_IN_STATE',
        pointer('states', s, 'approval'),
        { element: 'approval', tag: stateTag },
        { state: state.id },
        pointer('states', s),
      ),
    ];
  });
};
