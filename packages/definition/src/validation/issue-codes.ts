import { defineCodeCatalogue } from '@clauseflow/common';
import type { LocalizedText } from '../format/common.ts';
import specs from './issue-codes.json' with { type: 'json' };

/** How bad an issue is: errors make a definition unusable (not publishable); warnings do not. */
export type IssueSeverity = 'error' | 'warning';

/** One entry of the issue catalogue. */
export interface IssueCodeSpec {
  readonly severity: IssueSeverity;
  /** What the code means, for documentation and the designer's help panel. */
  readonly description: LocalizedText;
  /** The message of one issue; `{name}` is replaced by the issue's param `name`. */
  readonly message: LocalizedText;
  /** The params every issue of this code carries. */
  readonly params: readonly string[];
}

/**
 * The one catalogue of definition issue codes (the entries are data: issue-codes.json). Every
 * problem `parseDefinition` and `validateDefinition` report carries one of these codes. JSON
 * widens `severity` to a string; the catalogue test checks each one is `error` or `warning`.
 */
export const ISSUE_CODES = defineCodeCatalogue(
  'definition issues',
  specs as { readonly [C in keyof typeof specs]: IssueCodeSpec },
);

/** A definition issue code (UPPER_SNAKE_CASE), a key of {@link ISSUE_CODES}. */
export type IssueCode = keyof typeof ISSUE_CODES;

/** Every issue code, in catalogue order. */
export const ISSUE_CODE_LIST = Object.keys(ISSUE_CODES) as IssueCode[];
