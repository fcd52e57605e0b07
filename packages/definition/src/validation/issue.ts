import { formatText } from '@clauseflow/common';
import { ISSUE_CODES, type IssueCode, type IssueSeverity } from './issue-codes.ts';

/** A language the product speaks. */
export type Language = 'en' | 'zh';

/**
 * One problem found in a definition: data, never an exception. `path` is a JSON Pointer into
 * the input document; `message` is English (see {@link localizeIssue}).
 */
export interface Issue {
  code: IssueCode;
  severity: IssueSeverity;
  path: string;
  message: string;
  params: Record<string, unknown>;
}

/** Makes an issue of a catalogued code; severity and the English message come from the catalogue. */
export function createIssue(code: IssueCode, path: string, params: Record<string, unknown>): Issue {
  const spec = ISSUE_CODES[code];
  return { code, severity: spec.severity, path, message: formatText(spec.message.en, params), params };
}

/** The issue's message in the given language. */
export function localizeIssue(issue: Issue, language: Language): string {
  const spec = ISSUE_CODES[issue.code] as (typeof ISSUE_CODES)[IssueCode] | undefined;
  if (spec === undefined) return issue.message;
  return formatText(spec.message[language], issue.params);
}

/** True when some issue has error severity (the definition is not valid). */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
