import { DomainError, fieldIssue } from '@clauseflow/common';

/** The sort orders of a record list. */
export const RECORD_SORTS = ['updatedAt', 'createdAt', 'breachAt'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

/** A record list request, as the route's query schema admits it. */
export interface RecordListQuery {
  process?: string | undefined;
  state?: string | undefined;
  /** A user id, or `me`. */
  assignee?: string | undefined;
  /** Only records the caller raised. */
  mine?: boolean | undefined;
  /** `breached`: a running clock is past its breach instant; `at-risk`: it breaches within `riskMinutes`. */
  clock?: 'breached' | 'at-risk' | undefined;
  riskMinutes?: number | undefined;
  /** Text in the title (case-insensitive, literal). */
  q?: string | undefined;
  sort?: RecordSort | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** Where a page ends: the last item's sort value and id (the tie-breaker). */
interface CursorPosition {
  sort: RecordSort;
  value: number;
  id: string;
}

/** Newest first, except by breach time: soonest first. */
function direction(sort: RecordSort): 1 | -1 {
  return sort === 'breachAt' ? 1 : -1;
}

/** Escapes a text for literal use inside a regular expression. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** An opaque cursor: base64url of the last item's sort key. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.value, position.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor, type-checking each part; VALIDATION_FAILED when it is not one of ours. */
export function decodeCursor(cursor: string, sort: RecordSort): CursorPosition {
  const invalid = () =>
    new DomainError('VALIDATION_FAILED', 'The cursor is not valid for this list.', {
      errors: [fieldIssue('INVALID_VALUE', '/cursor', 'Not a cursor from this list.', 'querystring')],
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [cursorSort, value, id] = parsed as unknown[];
  if (cursorSort !== sort || typeof value !== 'number' || !Number.isFinite(value) || typeof id !== 'string')
    throw invalid();
  if (id.length === 0 || id.length > 200) throw invalid();
  return { sort, value, id };
}

/** The MongoDB find of one page: filter, sort and limit (one extra item tells whether there is a next page). */
export interface RecordFind {
  filter: Record<string, unknown>;
  sort: Record<string, 1 | -1>;
  limit: number;
  sortField: RecordSort;
}

/**
 * Builds the filter of a record list. Every client value is type-checked here again (the route
 * schema checks too): only strings and numbers reach the filter, never objects, so no operator
 * can be injected; text search is an escaped, literal regular expression.
 */
export function buildRecordFind(
  query: RecordListQuery,
  callerId: string,
  visible: Record<string, unknown> | null,
  now: Date,
): RecordFind {
  const clauses: Record<string, unknown>[] = [];
  if (visible) clauses.push(visible);
  const str = (value: unknown, name: string): string => {
    if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
      throw new DomainError('VALIDATION_FAILED', `${name} must be a non-empty string.`, {
        errors: [fieldIssue('WRONG_TYPE', `/${name}`, 'Must be a non-empty string.', 'querystring')],
      });
    }
    return value;
  };
  if (query.process !== undefined) clauses.push({ processKey: str(query.process, 'process') });
  if (query.state !== undefined) clauses.push({ state: str(query.state, 'state') });
  if (query.assignee !== undefined) {
    const assignee = str(query.assignee, 'assignee');
    clauses.push({ 'assignee.user': assignee === 'me' ? callerId : assignee });
  }
  if (query.mine === true) clauses.push({ requester: callerId });
  if (query.clock === 'breached') clauses.push({ breachAt: { $lte: now } });
  else if (query.clock === 'at-risk') {
    const minutes = typeof query.riskMinutes === 'number' && query.riskMinutes > 0 ? query.riskMinutes : 60;
    clauses.push({ breachAt: { $gt: now, $lte: new Date(now.getTime() + minutes * 60_000) } });
  }
  if (query.q !== undefined) clauses.push({ title: { $regex: escapeRegex(str(query.q, 'q')), $options: 'i' } });

  const sortField = query.sort ?? 'updatedAt';
  const dir = direction(sortField);
  // Records without a running clock have no breach time and do not take part in that order.
  if (sortField === 'breachAt') clauses.push({ breachAt: { $type: 'date' } });
  if (query.cursor !== undefined) {
    const at = decodeCursor(str(query.cursor, 'cursor'), sortField);
    const value = new Date(at.value);
    const beyond = dir === 1 ? '$gt' : '$lt';
    clauses.push({ $or: [{ [sortField]: { [beyond]: value } }, { [sortField]: value, _id: { [beyond]: at.id } }] });
  }
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 25), 1), 100);
  const filter = clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0]! : { $and: clauses };
  return { filter, sort: { [sortField]: dir, _id: dir }, limit, sortField };
}
