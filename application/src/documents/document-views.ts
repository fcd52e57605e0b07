import { canEditDocument, type DocumentCaller } from './document-access.ts';
import { versionStatus, type DocumentApproval, type DocumentHeader, type DocumentVersion } from './document-model.ts';
import type { DocumentSummary, DocumentView, HistoryEntry, VersionView } from './document-schemas.ts';

/** The API view of a register entry for the caller (`header` carries derived status and current version). */
export function documentSummary(user: DocumentCaller, header: DocumentHeader): DocumentSummary {
  return {
    id: header._id,
    title: header.title,
    kind: header.kind,
    origin: header.origin,
    source: header.source,
    classification: header.classification,
    ownerGroup: header.ownerGroup,
    status: header.status,
    currentVersion: header.currentVersion,
    withdrawn: header.withdrawn
      ? { at: header.withdrawn.at.toISOString(), by: header.withdrawn.by, reason: header.withdrawn.reason }
      : null,
    createdAt: header.createdAt.toISOString(),
    createdBy: header.createdBy,
    canEdit: canEditDocument(user, header),
  };
}

/** The API view of one version, its status derived from the current version number. */
export function versionView(
  version: DocumentVersion,
  approval: DocumentApproval | null,
  current: number | null,
): VersionView {
  return {
    n: version.n,
    status: versionStatus(version.n, current),
    content: version.content,
    contentSha256: version.contentSha256,
    changeSummary: version.changeSummary,
    source: version.source,
    author: version.author,
    createdAt: version.createdAt.toISOString(),
    approvedBy: approval?.approvedBy ?? null,
    approvedAt: approval?.approvedAt.toISOString() ?? null,
  };
}

/** A document with its approved current version and, for editors, the newest version number. */
export function documentView(
  user: DocumentCaller,
  header: DocumentHeader,
  current: { version: DocumentVersion; approval: DocumentApproval } | null,
  latest: number,
): DocumentView {
  const editor = canEditDocument(user, header);
  return {
    ...documentSummary(user, header),
    current: current ? versionView(current.version, current.approval, header.currentVersion) : null,
    latestVersion: editor ? latest || null : null,
  };
}

/** One history line: who wrote the version when, who approved it when, and its status. */
export function historyEntry(
  version: DocumentVersion,
  approval: DocumentApproval | null,
  current: number | null,
): HistoryEntry {
  return {
    n: version.n,
    status: versionStatus(version.n, current),
    contentKind: version.content.kind,
    contentSha256: version.contentSha256,
    changeSummary: version.changeSummary,
    author: version.author,
    createdAt: version.createdAt.toISOString(),
    approvedBy: approval?.approvedBy ?? null,
    approvedAt: approval?.approvedAt.toISOString() ?? null,
  };
}
