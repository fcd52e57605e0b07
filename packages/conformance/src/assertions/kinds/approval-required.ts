import type { Evaluator } from '../evaluator.ts';
import { failure, pointer } from '../result.ts';
import { eachStateTagged } from '../tagged-elements.ts';

/** Every state tagged `stateTag` asks for an approval; the fix belongs at `/states/i/approval`. */
export const approvalRequired: Evaluator<'approvalRequired'> = ({ stateTag }, index) =>
  eachStateTagged(index, stateTag, (state, s) =>
    state.approval
      ? []
      : [
          failure(
            'NO_APPROVAL_IN_STATE',
            pointer('states', s, 'approval'),
            { element: 'approval', tag: stateTag },
            { state: state.id },
            pointer('states', s),
          ),
        ],
  );
