import { DomainError } from '@clauseflow/common';
import { describe, expect, it } from 'vitest';
import { toProblemError } from './to-problem.ts';

describe('domain errors over HTTP', () => {
  it('given a domain error of a catalogued code, when mapped, then it keeps its code, detail and issues with the table status', () => {
    const problem = toProblemError(
      new DomainError('VALIDATION_FAILED', 'body /title: Missing.', {
        errors: [{ code: 'MISSING_FIELD', path: '/title', message: 'Missing.' }],
      }),
    );
    expect(problem).toMatchObject({ code: 'VALIDATION_FAILED', statusCode: 400, message: 'body /title: Missing.' });
    expect(problem.errors).toEqual([{ code: 'MISSING_FIELD', path: '/title', message: 'Missing.' }]);
  });

  it('given retry and allow hints, when mapped, then they become Retry-After and Allow headers', () => {
    expect(toProblemError(new DomainError('RATE_LIMITED', 'Slow down.', { retryAfterSeconds: 2.2 })).headers).toEqual({
      'retry-after': '3',
    });
    expect(toProblemError(new DomainError('METHOD_NOT_ALLOWED', 'No.', { allow: ['GET', 'HEAD'] })).headers).toEqual({
      allow: 'GET, HEAD',
    });
  });

  it('given a code the HTTP table does not know, when mapped, then it is an internal error that leaks nothing', () => {
    const problem = toProblemError(new DomainError('NO_SUCH_CODE_ANYWHERE', 'secret detail'));
    expect(problem.code).toBe('INTERNAL_ERROR');
    expect(problem.statusCode).toBe(500);
  });
});
