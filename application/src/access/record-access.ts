import { DomainError } from '@clauseflow/common';
import type { AuthenticatedUser } from '../accounts/roles.ts';

/** Who may work a process: its owners (user ids) and the groups mapped to its agent role. */
export interface ProcessAccess {
  id: string;
  owners: readonly string[];
  agentGroups: readonly string[];
}

/** What the policy needs to know about a record (an instance of a process). */
export interface RecordAccess {
  /** The user id that raised the record. */
  raisedBy: string;
  /** Users named on the record (e.g. affected user, watcher). */
  namedUsers: readonly string[];
  process: ProcessAccess;
}

/** Whom a transition is meant for: the requester side or the agents working the process. */
export type ActorSide = 'requester' | 'agent';

type Caller = Pick<AuthenticatedUser, 'id' | 'roles' | 'groups'> | null;

function isParty(user: NonNullable<Caller>, record: RecordAccess): boolean {
  return record.raisedBy === user.id || record.namedUsers.includes(user.id);
}

function works(user: NonNullable<Caller>, process: ProcessAccess): boolean {
  if (user.roles.includes('admin')) return true;
  if (user.roles.includes('process-owner') && process.owners.includes(user.id)) return true;
  return user.roles.includes('agent') && user.groups.some((group) => process.agentGroups.includes(group));
}

/**
 * May the caller see the record? Admin sees all; anyone sees records they raised or are named
 * on; agents see records of processes mapped to one of their groups; process owners see records
 * of the processes they own. Anonymous callers see nothing.
 */
export function canSeeRecord(user: Caller, record: RecordAccess): boolean {
  if (!user) return false;
  return isParty(user, record) || works(user, record.process);
}

/**
 * May the caller take an action meant for `side` on the record? Requester-side actions belong
 * to the people the record is about (and admin); agent-side actions to those who work the process.
 */
export function canActOnRecord(user: Caller, record: RecordAccess, side: ActorSide): boolean {
  if (!user) return false;
  if (user.roles.includes('admin')) return true;
  return side === 'requester' ? isParty(user, record) : works(user, record.process);
}

/** May the caller edit (draft, publish, retire) the process? Admin, or a process owner who owns it. */
export function canEditProcess(user: Caller, process: ProcessAccess): boolean {
  if (!user) return false;
  return user.roles.includes('admin') || (user.roles.includes('process-owner') && process.owners.includes(user.id));
}

/**
 * Throws NOT_FOUND unless the caller may see the record: a record the caller may not see does
 * not exist for them (404, never 403, so ids cannot be probed).
 */
export function assertCanSeeRecord(user: Caller, record: RecordAccess | null, id: string): asserts record {
  if (!record || !canSeeRecord(user, record)) throw new DomainError('NOT_FOUND', `No record ${id}.`);
}
