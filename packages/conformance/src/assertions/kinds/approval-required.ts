import type { Evaluator } from '../evaluator.ts';
import { failure, pointer, type AssertionFailure } from '../result.ts';

/** Every state tagged `stateTag` asks for an approval; the fix belongs at `/states/i/approval`. */
export const approvalRequired: Evaluator<'approvalRequired'> = ({ stateTag }, index) => {
  const { definition } = index;
  const states = index.statesTagged(stateTag);
  if (states.length === 0) {
    return [failure('NO_STATE_WITH_TAG', '/states', { element: 'state', tag: stateTag }, { tag: stateTag })];
  }
  const failures: AssertionFailure[] = [];
  for (const s of states) {
    const state = definition.states[s]!;
    if (state.approval) continue;
    failures.push(
      failure(
        'NO_APPROVAL_IN_STATE',
        pointer('states', s, 'approval'),
        { element: 'approval', tag: stateTag },
        { state: state.id },
        pointer('states', s),
      ),
    );
  }
  return failures;
};
