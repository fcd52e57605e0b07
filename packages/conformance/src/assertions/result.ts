import type { Assertion } from './assertion.ts';
import { formatFailure, type ConformanceFailureCode } from './failure-codes.ts';
import type { LocalizedText } from '@clauseflow/common';

/** The kind of definition element a failure says is missing or wrong. */
export type ElementKind =
  | 'state'
  | 'final-state'
  | 'path'
  | 'field'
  | 'form-field'
  | 'decision'
  | 'decision-input'
  | 'transition'
  | 'notification'
  | 'role'
  | 'actor'
  | 'timer'
  | 'approval'
  | 'clock'
  | 'clock-action'
  | 'linked-record'
  | 'claim'
  | 'assertion';

/** One reason an assertion (or a claim) fails: what is missing, where the fix belongs, and why. */
export interface AssertionFailure {
  code: ConformanceFailureCode;
  /** The missing (or wrong) element: its kind and the tag it must carry, when there is one. */
  missing: { element: ElementKind; tag?: string };
  /** JSON Pointer into the definition where the fix belongs (e.g. `/states/3/timers`). */
  pointer: string;
  /** JSON Pointer of the element the failure is about (e.g. the open state with no escalation), when not the pointer itself. */
  subject?: string;
  /** What is wrong and how to fix it, in English and Simplified Chinese. */
  explanation: LocalizedText;
  params: Record<string, string>;
}

/** The outcome of evaluating one assertion. */
export interface AssertionResult {
  assertion: Assertion;
  ok: boolean;
  failures: AssertionFailure[];
}

/** Builds a failure; the explanation comes from the code catalogue. */
export function failure(
  code: ConformanceFailureCode,
  pointer: string,
  missing: AssertionFailure['missing'],
  params: Record<string, string> = {},
  subject?: string,
): AssertionFailure {
  const result: AssertionFailure = { code, missing, pointer, explanation: formatFailure(code, params), params };
  if (subject !== undefined) result.subject = subject;
  return result;
}

/** Escapes one JSON Pointer reference token (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins reference tokens into a JSON Pointer. */
export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => '/' + pointerToken(t)).join('');
}
