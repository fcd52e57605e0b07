import { fieldError, ProblemError, type FieldError } from '../errors/problem-error.ts';
import type { EngineFailure } from '@clauseflow/runtime';

/** A JSON Pointer into the request body's `data` (the problem's path already names a missing property). */
function dataPointer(path: string): string {
  return `/data${path === '' || path.startsWith('/') ? path : `/${path}`}`;
}

function dataFieldError(problem: NonNullable<EngineFailure['problems']>[number]): FieldError {
  const code =
    problem.keyword === 'required'
      ? 'MISSING_FIELD'
      : problem.keyword === 'additionalProperties'
        ? 'UNKNOWN_FIELD'
        : problem.keyword === 'type'
          ? 'WRONG_TYPE'
          : 'INVALID_VALUE';
  return {
    ...fieldError(code, dataPointer(problem.path), problem.message, 'body'),
    issue: problem.code,
  };
}

/**
 * The problem for an engine refusal: 404 for a missing record, 409 for an unpublished process
 * or a lost race, 412 when the caller's `If-Match` seq is stale, 400 with JSON Pointers for
 * data that does not match the form, 422 with the rule trace for a step the process refuses.
 */
export function engineProblem(failure: EngineFailure, expectedSeq: number | undefined): ProblemError {
  const detail = failure.message.en;
  switch (failure.code) {
    case 'NOT_FOUND':
      return new ProblemError('NOT_FOUND', detail);
    case 'PROCESS_NOT_PUBLISHED':
      return new ProblemError('PROCESS_NOT_PUBLISHED', detail);
    case 'CONFLICT':
      return expectedSeq !== undefined
        ? new ProblemError('PRECONDITION_FAILED', `The record is no longer at seq ${expectedSeq}; reload it.`)
        : new ProblemError('CONFLICT', detail);
    case 'VALIDATION_FAILED':
      return new ProblemError('VALIDATION_FAILED', detail, { errors: (failure.problems ?? []).map(dataFieldError) });
    case 'INVALID_ARGUMENT':
      return new ProblemError('BAD_REQUEST', detail);
    default:
      return new ProblemError('RECORD_ACTION_REJECTED', detail, {
        rejection: { code: failure.code, message: failure.message, params: failure.params, trace: failure.trace ?? [] },
      });
  }
}
