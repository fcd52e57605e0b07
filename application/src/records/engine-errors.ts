import { DomainError, fieldIssue, type FieldIssue } from '@clauseflow/common';
import type { EngineFailure } from '@clauseflow/runtime';

/** A JSON Pointer into the request body's `data` (the problem's path already names a missing property). */
function dataPointer(path: string): string {
  return `/data${path === '' || path.startsWith('/') ? path : `/${path}`}`;
}

function dataFieldError(problem: NonNullable<EngineFailure['problems']>[number]): FieldIssue {
  const code =
    problem.keyword === 'required'
      ? 'MISSING_FIELD'
      : problem.keyword === 'additionalProperties'
        ? 'UNKNOWN_FIELD'
        : problem.keyword === 'type'
          ? 'WRONG_TYPE'
          : 'INVALID_VALUE';
  return {
    ...fieldIssue(code, dataPointer(problem.path), problem.message, 'body'),
    issue: problem.code,
  };
}

/**
 * The coded error for an engine refusal: NOT_FOUND for a missing record, CONFLICT for an unpublished process
 * or a lost race, PRECONDITION_FAILED when the caller's expected seq is stale, VALIDATION_FAILED
 * with JSON Pointers for data that does not match the form, RECORD_ACTION_REJECTED with the rule
 * trace for a step the process refuses.
 */
export function engineError(failure: EngineFailure, expectedSeq: number | undefined): DomainError {
  const detail = failure.message.en;
  switch (failure.code) {
    case 'NOT_FOUND':
      return new DomainError('NOT_FOUND', detail);
    case 'PROCESS_NOT_PUBLISHED':
      return new DomainError('PROCESS_NOT_PUBLISHED', detail);
    case 'CONFLICT':
      return expectedSeq !== undefined
        ? new DomainError('PRECONDITION_FAILED', `The record is no longer at seq ${expectedSeq}; reload it.`)
        : new DomainError('CONFLICT', detail);
    case 'VALIDATION_FAILED':
      return new DomainError('VALIDATION_FAILED', detail, { errors: (failure.problems ?? []).map(dataFieldError) });
    case 'INVALID_ARGUMENT':
      return new DomainError('BAD_REQUEST', detail);
    default:
      return new DomainError('RECORD_ACTION_REJECTED', detail, {
        rejection: { code: failure.code, message: failure.message, params: failure.params, trace: failure.trace ?? [] },
      });
  }
}
