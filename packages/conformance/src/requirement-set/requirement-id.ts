/** The parts of a requirement id (see {@link REQUIREMENT_ID_PATTERN} for the scheme). */
export interface RequirementIdParts {
  /** The clause number, e.g. `8.6.1`. */
  clause: string;
  /** n of `<clause>-<n>`: the statement's ordinal in its clause, when the id names one. */
  statement?: number;
  /** The item letter, for lettered and numbered items. */
  letter?: string;
  /** The item number, for numbered items. */
  number?: number;
}

const ID = /^([1-9][0-9]*(?:\.[1-9][0-9]*)*)(?:-([1-9][0-9]*))?(?:\.([a-z])(?:\.([1-9][0-9]*))?)?$/;

/**
 * Splits a requirement id into its parts, or returns null when it does not follow the scheme:
 * `8.6.1-2` → statement 2 of clause 8.6.1; `8.6.1.a` → item a; `6.1.2.a.3` → item 3 under a;
 * `8.6.1-4.b` → item b of the list under statement 4 (a clause's second or later list).
 */
export function parseRequirementId(id: string): RequirementIdParts | null {
  const match = ID.exec(id);
  if (!match) return null;
  const [, clause = '', statement, letter, number] = match;
  const parts: RequirementIdParts = { clause };
  if (statement !== undefined) parts.statement = Number(statement);
  if (letter !== undefined) parts.letter = letter;
  if (number !== undefined) parts.number = Number(number);
  return parts;
}

/** True when the id names a "shall" statement rather than an item under one. */
export function isStatementId(id: string): boolean {
  const parts = parseRequirementId(id);
  return parts !== null && parts.letter === undefined;
}
