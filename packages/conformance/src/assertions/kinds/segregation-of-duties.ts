import type { ConformanceFailureCode } from '../failure-codes.ts';
import type { Evaluator } from '../evaluator.ts';
import { failure, pointer, type AssertionFailure } from '../result.ts';
import { eachStateTagged } from '../tagged-elements.ts';

/**
 * Every state tagged `approvalStateTag` asks for an approval that neither the record's requester
 * nor its implementer may give.
 */
export const segregationOfDuties: Evaluator<'segregationOfDuties'> = ({ approvalStateTag: tag }, index) =>
  eachStateTagged(index, tag, (state, s) => {
    const at = (code: ConformanceFailureCode, ...where: string[]): AssertionFailure =>
      failure(
        code,
        pointer('states', s, 'approval', ...where),
        { element: 'approval', tag },
        { state: state.id },
        pointer('states', s),
      );
    const { approval } = state;
    if (!approval) return [at('NO_APPROVAL_IN_STATE')];
    const failures: AssertionFailure[] = [];
    if (approval.requesterMayApprove) failures.push(at('REQUESTER_MAY_APPROVE', 'requesterMayApprove'));
    if (approval.implementerMayApprove) failures.push(at('IMPLEMENTER_MAY_APPROVE', 'implementerMayApprove'));
    return failures;
  });
