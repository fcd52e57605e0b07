import type { FieldIssue } from '@clauseflow/common';
import type { Issue } from '@clauseflow/definition';
import type { ConformanceProblem } from '../conformance/definition-conformance.ts';

/** Field issues for the error-severity definition issues (paths prefixed, e.g. `/definition`). */
export function issueErrors(issues: readonly Issue[], prefix = '', part?: FieldIssue['in']): FieldIssue[] {
  return issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => ({
      code: 'DEFINITION_ISSUE' as const,
      issue: issue.code,
      path: `${prefix}${issue.path}`,
      message: issue.message,
      ...(part ? { in: part } : {}),
    }));
}

/** Field issues for failed conformance requirements, in the caller's language. */
export function conformanceErrors(problems: readonly ConformanceProblem[], language: 'en' | 'zh'): FieldIssue[] {
  return problems.map((problem) => ({
    code: 'CONFORMANCE_FAILED' as const,
    issue: problem.code,
    path: problem.path,
    message: problem.message[language],
  }));
}
