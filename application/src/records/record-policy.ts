import type { CompiledProcess } from '@clauseflow/definition';
import { canActOnRecord, canSeeRecord, type ProcessAccess, type RecordAccess } from '../access/record-access.ts';
import type { AuthenticatedUser } from '../accounts/roles.ts';
import {
  canSeeProcess,
  processAccess,
  processRolesOf,
  REQUESTER_SIDE_ROLES,
  type ProcessDocument,
} from '../processes/process-store.ts';
import type { EngineActor, InstanceDocument } from '@clauseflow/runtime';

/** The caller as the record policy sees them. */
export type Caller = Pick<AuthenticatedUser, 'id' | 'roles' | 'groups'>;

/** The access view of a process with no settings document: nobody works it but admin. */
export function bareProcessAccess(key: string): ProcessAccess {
  return { id: key, owners: [], agentGroups: [] };
}

/** What the record-access policy needs of a record: who raised it, who is named on it, its process. */
export function recordAccessOf(
  record: Pick<InstanceDocument, 'processKey' | 'requester' | 'assignee'>,
  process: ProcessDocument | null,
): RecordAccess {
  const named = record.assignee?.user ? [record.assignee.user] : [];
  return {
    raisedBy: record.requester ?? '',
    namedUsers: named,
    process: process ? processAccess(process) : bareProcessAccess(record.processKey),
  };
}

/** May the caller see the record? (See `canSeeRecord`; invisible records answer 404.) */
export function maySee(user: Caller | null, record: InstanceDocument, process: ProcessDocument | null): boolean {
  return canSeeRecord(user, recordAccessOf(record, process));
}

/** May the caller raise a record of the process? Admin, an owner, or anyone granted a role in it. */
export function mayStart(user: Caller, process: ProcessDocument | null): boolean {
  if (user.roles.includes('admin')) return true;
  return process !== null && !process.retired && canSeeProcess(user, process);
}

/** The definition's requester-side role ids: `requester`, or any role tagged `requester`. */
function requesterRoles(compiled: CompiledProcess): string[] {
  return compiled.definition.roles
    .filter((role) => REQUESTER_SIDE_ROLES.includes(role.id) || (role.tags ?? []).includes('requester'))
    .map((role) => role.id);
}

/**
 * The process roles the caller acts with on a record (or, with `record` null, when starting one).
 * Requester-side roles belong to the people the record is about (anyone starting one raises it);
 * agent-side roles come from the process's grants (to the user or their groups) and count only
 * for those who work the process. Admin holds every role of the definition.
 */
export function engineActor(
  user: Caller,
  compiled: CompiledProcess,
  process: ProcessDocument | null,
  record: InstanceDocument | null,
): EngineActor {
  if (user.roles.includes('admin')) return { id: user.id, roles: compiled.definition.roles.map((role) => role.id) };
  const roles = new Set<string>();
  const access: RecordAccess = record
    ? recordAccessOf(record, process)
    : { raisedBy: user.id, namedUsers: [], process: process ? processAccess(process) : bareProcessAccess('') };
  if (canActOnRecord(user, access, 'requester')) for (const role of requesterRoles(compiled)) roles.add(role);
  if (process && (user.roles.includes('agent') || user.roles.includes('process-owner'))) {
    for (const role of processRolesOf(user, process)) if (!REQUESTER_SIDE_ROLES.includes(role)) roles.add(role);
  }
  return { id: user.id, roles: [...roles].sort() };
}

/**
 * The MongoDB filter of the records a caller may see, built from values the server controls
 * only (user id, process keys from the settings store). Null for admin (everything).
 */
export function visibleRecordsFilter(
  user: Caller,
  processes: readonly ProcessDocument[],
): Record<string, unknown> | null {
  if (user.roles.includes('admin')) return null;
  const worked = processes
    .filter((process) =>
      canActOnRecord(user, { raisedBy: '', namedUsers: [], process: processAccess(process) }, 'agent'),
    )
    .map((process) => process._id);
  const anyOf: Record<string, unknown>[] = [{ requester: user.id }, { 'assignee.user': user.id }];
  if (worked.length > 0) anyOf.push({ processKey: { $in: worked } });
  return { $or: anyOf };
}
