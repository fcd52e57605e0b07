import type { Filter } from 'mongodb';
import type { AuthenticatedUser, PlatformRole } from '../accounts/roles.ts';
import type { DocumentClassification, DocumentHeader, DocumentVersion } from './document-model.ts';

/** The caller as the document policy sees them. */
export type DocumentCaller = Pick<AuthenticatedUser, 'id' | 'roles' | 'groups'>;

/** Platform roles that make a user staff: they may read `internal` documents and edit in their owner groups. */
const STAFF_ROLES: readonly PlatformRole[] = ['admin', 'process-owner', 'agent'];

/** Is the caller staff (admin, process owner or agent)? */
export function isStaff(user: DocumentCaller): boolean {
  return user.roles.some((role) => STAFF_ROLES.includes(role));
}

/**
 * May the caller edit documents of `ownerGroup` (register them, add versions, approve others'
 * versions, withdraw)? Admin, or staff who are members of the owner group.
 */
export function canEditIn(user: DocumentCaller, ownerGroup: string): boolean {
  return user.roles.includes('admin') || (isStaff(user) && user.groups.includes(ownerGroup));
}

/** May the caller edit the document? */
export function canEditDocument(user: DocumentCaller, header: Pick<DocumentHeader, 'ownerGroup'>): boolean {
  return canEditIn(user, header.ownerGroup);
}

/** May the caller approve the version? An editor of the document who is not its author (no self-approval). */
export function mayApprove(
  user: DocumentCaller,
  header: Pick<DocumentHeader, 'ownerGroup'>,
  version: Pick<DocumentVersion, 'author'>,
): boolean {
  return canEditDocument(user, header) && version.author !== user.id;
}

/** May the caller read documents of this classification and owner group (as a reader, not an editor)? */
export function classificationAllows(
  user: DocumentCaller,
  header: Pick<DocumentHeader, 'classification' | 'ownerGroup'>,
): boolean {
  if (user.roles.includes('admin')) return true;
  const byClass: Record<DocumentClassification, boolean> = {
    public: true,
    internal: isStaff(user),
    restricted: user.groups.includes(header.ownerGroup),
  };
  return byClass[header.classification];
}

/**
 * May the caller see the document at all? Editors see every document of their owner groups
 * in every status; readers see only documents with an approved current version that are not
 * withdrawn, and only if the classification allows. Everything else answers 404.
 */
export function canSeeDocument(
  user: DocumentCaller,
  header: Pick<DocumentHeader, 'classification' | 'ownerGroup' | 'withdrawn'>,
  current: number | null,
): boolean {
  if (canEditDocument(user, header)) return true;
  return header.withdrawn === null && current !== null && classificationAllows(user, header);
}

/**
 * The MongoDB filter of the headers the caller may list, from values the server controls only
 * (roles, group ids). It reads the status cache; each page is checked again with
 * {@link canSeeDocument} on derived values. Null for admin (everything).
 */
export function visibleDocumentsFilter(user: DocumentCaller): Filter<DocumentHeader> | null {
  if (user.roles.includes('admin')) return null;
  const groups = user.groups.map(String);
  const readable: DocumentClassification[] = isStaff(user) ? ['public', 'internal'] : ['public'];
  const anyOf: Filter<DocumentHeader>[] = [{ status: 'approved', classification: { $in: readable } }];
  if (groups.length > 0) {
    anyOf.push({ status: 'approved', classification: 'restricted', ownerGroup: { $in: groups } });
    if (isStaff(user)) anyOf.push({ ownerGroup: { $in: groups } });
  }
  return { $or: anyOf };
}
