import type { LocalizedText } from '@clauseflow/common';

/** Where a controlled document comes from: written here, or received from outside (ISO/IEC 20000-1 7.5.3.2). */
export const DOCUMENT_ORIGINS = ['internal', 'external'] as const;
export type DocumentOrigin = (typeof DOCUMENT_ORIGINS)[number];

/** What kind of documented information a document is (process definitions live elsewhere). */
export const DOCUMENT_KINDS = [
  'policy',
  'plan',
  'procedure',
  'manual',
  'contract',
  'regulation',
  'standard',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Who may read a document's approved current version: `public` every signed-in user,
 * `internal` staff (admin, process owners, agents), `restricted` members of its owner group.
 */
export const DOCUMENT_CLASSIFICATIONS = ['public', 'internal', 'restricted'] as const;
export type DocumentClassification = (typeof DOCUMENT_CLASSIFICATIONS)[number];

/** A document's status as a whole: no approved version yet, one approved current version, or withdrawn. */
export const DOCUMENT_STATUSES = ['draft', 'approved', 'withdrawn'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** A version's status, derived from the approvals: draft → approved → superseded. */
export const VERSION_STATUSES = ['draft', 'approved', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** Largest markdown text of one version, in characters. */
export const MAX_MARKDOWN_CHARS = 200_000;

/** Where an external document came from: publisher or owner, reference or URL, edition and/or date received. */
export interface DocumentSource {
  publisher: string;
  reference: string;
  edition?: string;
  /** `YYYY-MM-DD`. */
  receivedOn?: string;
}

/** A version's content: markdown text, or a reference to a file kept elsewhere (with its sha256 when supplied). */
export type DocumentContent =
  { kind: 'markdown'; text: string } | { kind: 'reference'; location: string; sha256: string | null };

/** Who withdrew a document, when and why. */
export interface Withdrawal {
  at: Date;
  by: string;
  reason: string;
}

/**
 * A register entry (collection `documents`, `_id` = the slug). `status` and `currentVersion`
 * are a cache for list queries only: every view derives them again from the approvals and the
 * withdrawal, and repairs the cache when it lags (a crash between an approval and its cache write).
 */
export interface DocumentHeader {
  _id: string;
  title: LocalizedText;
  kind: DocumentKind;
  origin: DocumentOrigin;
  /** Required for external documents, null for internal ones. */
  source: DocumentSource | null;
  classification: DocumentClassification;
  /** The group whose staff members edit and approve the document. */
  ownerGroup: string;
  createdAt: Date;
  createdBy: string;
  withdrawn: Withdrawal | null;
  status: DocumentStatus;
  currentVersion: number | null;
}

/** One immutable version (collection `document_versions`, `_id` = `<docId>:<n>`, unique). */
export interface DocumentVersion {
  _id: string;
  docId: string;
  n: number;
  content: DocumentContent;
  /** sha256 of the markdown text, or the supplied sha256 of the referenced file (null when none was given). */
  contentSha256: string | null;
  changeSummary: string;
  /** For external documents: the source this version was received from. */
  source: DocumentSource | null;
  author: string;
  createdAt: Date;
}

/** The approval of one version (collection `document_approvals`, `_id` = `<docId>:<n>`, unique, insert-only). */
export interface DocumentApproval {
  _id: string;
  docId: string;
  n: number;
  approvedBy: string;
  approvedAt: Date;
}

/** The `_id` of version `n` of a document (and of its approval). */
export function versionId(docId: string, n: number): string {
  return `${docId}:${n}`;
}

/**
 * A version's status given the current (highest approved) version: the current one is
 * approved; older ones, approved or not, are superseded; newer ones are drafts.
 */
export function versionStatus(n: number, current: number | null): VersionStatus {
  if (current === null || n > current) return 'draft';
  return n === current ? 'approved' : 'superseded';
}

/** A document's status from its withdrawal and current version. */
export function documentStatus(withdrawn: Withdrawal | null, current: number | null): DocumentStatus {
  if (withdrawn) return 'withdrawn';
  return current === null ? 'draft' : 'approved';
}
