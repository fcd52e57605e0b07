import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from '../accounts/user-store.ts';
import type { ProcessAccess } from '../access/record-access.ts';
import type { AuthenticatedUser } from '../accounts/roles.ts';
import type { RetentionPolicy } from '../governance/retention-policy.ts';
import type { ProcessAudience } from '../portal/audience.ts';
import type { LocalizedText } from '@clauseflow/common';

/** Users and groups granted one of a process's own roles (a role id of its definition). */
export interface ProcessGrant {
  role: string;
  users: string[];
  groups: string[];
}

/** A process's settings as stored: one document per process key. */
export interface ProcessDocument {
  /** The process key (the definitions' `key`). */
  _id: string;
  title: LocalizedText;
  /** User ids of the process owners (they edit its definitions and grants). */
  owners: string[];
  grants: ProcessGrant[];
  retired: boolean;
  /** How long the process's records are kept before they may be disposed of (none: kept indefinitely). */
  retention?: RetentionPolicy | null;
  /** Whom the requester portal shows the process to (none: everyone its grants let start it). */
  audience?: ProcessAudience;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  /** Bumped by every write; `If-Match` on settings compares it. */
  rev: number;
}

/** What an update may change. */
export interface ProcessChanges {
  title?: LocalizedText;
  owners?: string[];
  grants?: ProcessGrant[];
  retired?: boolean;
  retention?: RetentionPolicy | null;
  audience?: ProcessAudience;
}

/** Process roles on the requester side: their groups do not make agents. */
export const REQUESTER_SIDE_ROLES: readonly string[] = ['requester'];

/** The access policy's view of a process: owners, and the groups of every agent-side grant. */
export function processAccess(process: ProcessDocument): ProcessAccess {
  const groups = new Set<string>();
  for (const grant of process.grants) {
    if (!REQUESTER_SIDE_ROLES.includes(grant.role)) for (const group of grant.groups) groups.add(group);
  }
  return { id: process._id, owners: process.owners, agentGroups: [...groups].sort() };
}

/** Process roles the user holds in the process (directly or through a group). */
export function processRolesOf(user: Pick<AuthenticatedUser, 'id' | 'groups'>, process: ProcessDocument): string[] {
  return process.grants
    .filter((grant) => grant.users.includes(user.id) || grant.groups.some((group) => user.groups.includes(group)))
    .map((grant) => grant.role);
}

/** May the user see the process and its published versions? Admin, an owner, or anyone with a role in it. */
export function canSeeProcess(
  user: Pick<AuthenticatedUser, 'id' | 'roles' | 'groups'>,
  process: ProcessDocument,
): boolean {
  return user.roles.includes('admin') || process.owners.includes(user.id) || processRolesOf(user, process).length > 0;
}

/** Thrown by {@link ProcessStore.create} when the key is taken, and by updates that lost a race. */
export class ProcessConflictError extends Error {
  override name = 'ProcessConflictError';
}

/**
 * Process settings in MongoDB. Each write is a single-document insert or replace (FerretDB has
 * no transactions); the replace is conditioned on the revision read, so a concurrent change is
 * reported instead of overwritten.
 */
export class ProcessStore {
  private readonly processes: Collection<ProcessDocument>;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.processes = db.collection<ProcessDocument>('processes');
  }

  /** Creates a process; ProcessConflictError when the key exists. */
  async create(
    key: string,
    settings: {
      title: LocalizedText;
      owners: string[];
      grants: ProcessGrant[];
      audience?: ProcessAudience;
    },
    actor: string,
  ): Promise<ProcessDocument> {
    const at = this.now();
    const doc: ProcessDocument = {
      _id: key,
      title: settings.title,
      owners: settings.owners,
      grants: settings.grants,
      retired: false,
      ...(settings.audience ? { audience: settings.audience } : {}),
      createdAt: at,
      createdBy: actor,
      updatedAt: at,
      rev: 1,
    };
    try {
      await this.processes.insertOne(doc);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new ProcessConflictError(`A process with key ${key} exists already.`);
      }
      throw error;
    }
    return doc;
  }

  async byKey(key: string): Promise<ProcessDocument | null> {
    return this.processes.findOne({ _id: key });
  }

  /** Every process, by key. */
  async list(): Promise<ProcessDocument[]> {
    return this.processes.find({}).sort({ _id: 1 }).toArray();
  }

  /** Applies changes to the revision `current` was read at; ProcessConflictError when someone wrote first. */
  async update(current: ProcessDocument, changes: ProcessChanges): Promise<ProcessDocument> {
    const next: ProcessDocument = { ...current, ...changes, updatedAt: this.now(), rev: current.rev + 1 };
    const result = await this.processes.replaceOne({ _id: current._id, rev: current.rev }, next);
    if (result.matchedCount === 0) throw new ProcessConflictError(`Process ${current._id} was changed meanwhile.`);
    return next;
  }
}
