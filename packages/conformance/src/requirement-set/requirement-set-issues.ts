import { parseRequirementId } from './requirement-id.ts';
import type { RequirementSet } from './requirement-set.ts';

/**
 * The integrity problems a schema cannot express, each with a code and what it means.
 * (The kind/section match is part of the schema: see `Requirement`.)
 */
export const REQUIREMENT_SET_ISSUE_CODES = {
  DUPLICATE_REQUIREMENT_ID: 'Two requirements share one id.',
  REQUIREMENT_ID_SCHEME: 'The id does not follow the id scheme.',
  CLAUSE_MISMATCH: 'The clause named by the id differs from the `clause` property.',
  UNKNOWN_PARENT: '`parent` names no requirement of the set.',
  MISSING_PARENT: 'An item (an id with a letter) has no `parent`.',
  UNEXPECTED_PARENT: 'A statement (an id without a letter) has a `parent`.',
  WRONG_PARENT:
    'The parent is not the one the id scheme implies (same clause; a statement for a lettered item, its lettered item for a numbered one).',
} as const;

export type RequirementSetIssueCode = keyof typeof REQUIREMENT_SET_ISSUE_CODES;

/** One integrity problem, with a JSON Pointer to the offending property. */
export interface RequirementSetIssue {
  code: RequirementSetIssueCode;
  path: string;
  message: string;
  params: Record<string, string>;
}

/**
 * Checks what the schema cannot: ids unique and following the scheme, clause consistent with the
 * id, parents existing and being the ones the id scheme implies. Returns no issues for a sound set.
 */
export function requirementSetIssues(set: RequirementSet): RequirementSetIssue[] {
  const issues: RequirementSetIssue[] = [];
  const add = (code: RequirementSetIssueCode, path: string, id: string, extra: Record<string, string> = {}): void => {
    issues.push({ code, path, message: `${id}: ${REQUIREMENT_SET_ISSUE_CODES[code]}`, params: { id, ...extra } });
  };
  const byId = new Map<string, number>();
  set.requirements.forEach((r, index) => {
    if (byId.has(r.id)) add('DUPLICATE_REQUIREMENT_ID', `/requirements/${index}/id`, r.id);
    else byId.set(r.id, index);
  });

  set.requirements.forEach((r, index) => {
    const at = `/requirements/${index}`;
    const parts = parseRequirementId(r.id);
    if (!parts) {
      add('REQUIREMENT_ID_SCHEME', `${at}/id`, r.id);
      return;
    }
    if (parts.clause !== r.clause) add('CLAUSE_MISMATCH', `${at}/clause`, r.id, { clause: r.clause });
    if (parts.letter === undefined) {
      if (r.parent !== undefined) add('UNEXPECTED_PARENT', `${at}/parent`, r.id, { parent: r.parent });
      return;
    }
    if (r.parent === undefined) {
      add('MISSING_PARENT', at, r.id);
      return;
    }
    const parentIndex = byId.get(r.parent);
    if (parentIndex === undefined) {
      add('UNKNOWN_PARENT', `${at}/parent`, r.id, { parent: r.parent });
      return;
    }
    const parent = parseRequirementId(r.parent);
    const statementPrefix = parts.statement === undefined ? undefined : `${parts.clause}-${parts.statement}`;
    const expected =
      parts.number !== undefined
        ? parent !== null &&
          r.parent === `${statementPrefix ?? parts.clause}.${parts.letter}` &&
          parent.number === undefined
        : parent !== null &&
          parent.clause === parts.clause &&
          parent.letter === undefined &&
          (statementPrefix === undefined || r.parent === statementPrefix);
    if (!expected) add('WRONG_PARENT', `${at}/parent`, r.id, { parent: r.parent });
  });
  return issues;
}
