import type { Evaluator } from '../evaluator.ts';
import { failure, pointer, type AssertionFailure } from '../result.ts';

/**
 * Every state tagged `approvalStateTag` asks for an approval that neither the record's requester
 * nor its implementer may give.
 */
export const segregationOfDuties: Evaluator<'segregationOfDuties'> = ({ approvalStateTag: tag }, index) => {
  const { definition } = index;
  const states = index.statesTagged(tag);
  if (states.length === 0) return [failure('NO_STATE_WITH_TAG', '/states', { element: 'state', tag }, { tag })];
  const failures: AssertionFailure[] = [];
  for (const s of states) {
    const state = definition.states[s]!;
    const subject = pointer('states', s);
    const { approval } = state;
    if (!approval) {
      failures.push(
        failure(
          'NO_APPROVAL_IN_STATE',
          pointer('states', s, 'approval'),
          { element: 'approval', tag },
          { state: state.id },
          subject,
        ),
      );
      continue;
    }
    if (approval.requesterMayApprove) {
      failures.push(
        failure(
          'REQUESTER_MAY_APPROVE',
          pointer('states', s, 'approval', 'requesterMayApprove'),
          { element: 'approval', tag },
          { state: state.id },
          subject,
        ),
      );
    }
    if (approval.implementerMayApprove) {
      failures.push(
        failure(
          'IMPLEMENTER_MAY_APPROVE',
          pointer('states', s, 'approval', 'implementerMayApprove'),
          { element: 'approval', tag },
          { state: state.id },
          subject,
        ),
      );
    }
  }
  return failures;
};
