import type { Filter } from 'mongodb';
import type { Static } from 'typebox';
import { DomainError, type FieldIssue } from '@clauseflow/common';
import type { GroupStore } from '../accounts/group-store.ts';
import type { AuthenticatedUser } from '../accounts/roles.ts';
import { canEditDocument, canEditIn, canSeeDocument, isStaff, visibleDocumentsFilter } from './document-access.ts';
import type { DocumentHeader, DocumentSource } from './document-model.ts';
import { assertNoDocumentErrors, bodyIssue, sourceErrors } from './document-rules.ts';
import type {
  DocumentListQuery,
  DocumentSummary,
  DocumentView,
  HistoryEntry,
  NewDocumentBody,
  NewVersionBody,
  VersionView,
} from './document-schemas.ts';
import type { DerivedHeader, DocumentStore } from './document-store.ts';
import { documentSummary, documentView, historyEntry, versionView } from './document-views.ts';

/**
 * The register of controlled documents that are not process definitions (ISO/IEC 20000-1 7.5.3):
 * policies, plans and external documents with their source. Staff of a document's owner group
 * (and admin) register it, add immutable versions, approve each other's versions (never their
 * own) and withdraw it; readers see only the approved current version of documents their
 * classification allows. A document the caller may not see is NOT_FOUND, never FORBIDDEN.
 */
export class DocumentRegister {
  constructor(
    readonly store: DocumentStore,
    private readonly groups: GroupStore,
  ) {}

  /** Registers a document (an external one with its source), optionally with its first version. */
  async register(user: AuthenticatedUser, body: NewDocumentBody): Promise<DocumentView> {
    if (!isStaff(user)) throw new DomainError('FORBIDDEN', 'Only staff register documents.');
    const errors: FieldIssue[] = [];
    if (body.origin === 'external' && !body.source) {
      errors.push(bodyIssue('MISSING_FIELD', '/source', 'An external document needs its source.'));
    }
    errors.push(...sourceErrors(body.origin, body.source, '/source'));
    if ((await this.groups.unknown([body.ownerGroup])).length > 0) {
      errors.push(bodyIssue('INVALID_VALUE', '/ownerGroup', `No group ${body.ownerGroup}.`));
    }
    assertNoDocumentErrors(errors);
    if (!canEditIn(user, body.ownerGroup)) {
      throw new DomainError('FORBIDDEN', `Only an admin or staff of group ${body.ownerGroup} may register it.`);
    }
    const source: DocumentSource | null = body.source ?? null;
    const header = await this.store.create({
      _id: body.id,
      title: body.title,
      kind: body.kind,
      origin: body.origin,
      source,
      classification: body.classification,
      ownerGroup: body.ownerGroup,
      createdBy: user.id,
    });
    if (!header) throw new DomainError('CONFLICT', `A document ${body.id} exists already.`);
    if (body.firstVersion) await this.store.addVersion(header._id, { ...body.firstVersion, source }, user.id);
    const derived = await this.store.derived(header._id);
    return this.view(user, derived ?? { header, current: null });
  }

  /** A page of the documents the caller may see, filtered; `nextCursor` continues it. */
  async list(
    user: AuthenticatedUser,
    query: Static<typeof DocumentListQuery>,
  ): Promise<{ items: DocumentSummary[]; nextCursor: string | null }> {
    const { origin, kind, status, after } = query;
    const limit = query.limit ?? 50;
    const parts: Filter<DocumentHeader>[] = [];
    if (origin) parts.push({ origin });
    if (kind) parts.push({ kind });
    if (status) parts.push({ status });
    const access = visibleDocumentsFilter(user);
    if (access) parts.push(access);
    const filter: Filter<DocumentHeader> = parts.length === 0 ? {} : { $and: parts };
    const page = await this.store.page(filter, limit + 1, after);
    const shown = page.slice(0, limit);
    // The status filter read a cache: check each entry again on values derived from the approvals.
    const items = (await this.store.derive(shown))
      .filter((d) => canSeeDocument(user, d.header, d.current) && (!status || d.header.status === status))
      .map((d) => documentSummary(user, d.header));
    return { items, nextCursor: page.length > limit ? (shown.at(-1)?._id ?? null) : null };
  }

  /** A document with its approved current version. */
  async get(user: AuthenticatedUser, id: string): Promise<DocumentView> {
    return this.view(user, await this.visible(user, id));
  }

  /** One version (readers: the approved current version only). */
  async version(user: AuthenticatedUser, id: string, n: number): Promise<VersionView> {
    const found = await this.visible(user, id);
    const editor = canEditDocument(user, found.header);
    const version = editor || n === found.current ? await this.store.version(id, n) : null;
    if (!version) throw new DomainError('NOT_FOUND', `No version ${n} of document ${id}.`);
    return versionView(version, await this.store.approval(id, n), found.current);
  }

  /** Adds a draft version (immutable once written); `expected` is the newest version the caller saw. */
  async addVersion(
    user: AuthenticatedUser,
    id: string,
    body: NewVersionBody,
    expected: number | undefined,
  ): Promise<VersionView> {
    const found = await this.editable(user, id);
    const { header } = found;
    assertNoDocumentErrors(sourceErrors(header.origin, body.source, '/source'));
    if (expected !== undefined && !Number.isSafeInteger(expected)) {
      throw new DomainError('PRECONDITION_FAILED', 'If-Match must be a quoted version number, such as "2".');
    }
    let source: DocumentSource | null = null;
    if (header.origin === 'external') {
      const latest = await this.store.latestNumber(id);
      source = body.source ?? (await this.store.version(id, latest))?.source ?? header.source;
    }
    const outcome = await this.store.addVersion(
      id,
      { content: body.content, changeSummary: body.changeSummary, source },
      user.id,
      expected,
    );
    if (!outcome.ok) throw new DomainError('PRECONDITION_FAILED', `Document ${id} is at version ${outcome.latest}.`);
    return versionView(outcome.version, null, found.current);
  }

  /** Approves a draft version written by someone else: it becomes current and supersedes the previous one. */
  async approve(user: AuthenticatedUser, id: string, n: number): Promise<DocumentView> {
    const found = await this.editable(user, id);
    const version = await this.store.version(id, n);
    if (!version) throw new DomainError('NOT_FOUND', `No version ${n} of document ${id}.`);
    if (version.author === user.id) {
      throw new DomainError(
        'DOCUMENT_SELF_APPROVAL',
        `Version ${n} was written by the caller; another editor approves it.`,
      );
    }
    const notDraft = () =>
      new DomainError('DOCUMENT_VERSION_NOT_DRAFT', `Version ${n} of document ${id} is approved or superseded.`);
    if (found.current !== null && n <= found.current) throw notDraft();
    const outcome = await this.store.approve(id, n, user.id);
    if (!outcome.ok) throw notDraft();
    return this.view(user, (await this.store.derived(id)) ?? found);
  }

  /** Withdraws an obsolete document: it stays in the register with its history, hidden from readers. */
  async withdraw(user: AuthenticatedUser, id: string, reason: string): Promise<DocumentView> {
    const found = await this.visible(user, id);
    if (!canEditDocument(user, found.header)) {
      throw new DomainError('FORBIDDEN', `Only an admin or staff of group ${found.header.ownerGroup} may withdraw it.`);
    }
    await this.store.withdraw(found.header, user.id, reason);
    return this.view(user, (await this.store.derived(id)) ?? found);
  }

  /** The versions with who wrote and approved each, and when (readers: approved versions only). */
  async history(user: AuthenticatedUser, id: string): Promise<HistoryEntry[]> {
    const found = await this.visible(user, id);
    const editor = canEditDocument(user, found.header);
    const [versions, approvals] = await Promise.all([this.store.allVersions(id), this.store.allApprovals(id)]);
    const approvalOf = new Map(approvals.map((approval) => [approval.n, approval]));
    return versions
      .filter((version) => editor || approvalOf.has(version.n))
      .reverse()
      .map((version) => historyEntry(version, approvalOf.get(version.n) ?? null, found.current));
  }

  /** The document as the caller may see it: NOT_FOUND when missing or invisible. */
  private async visible(user: AuthenticatedUser, id: string): Promise<DerivedHeader> {
    const derived = await this.store.derived(id);
    if (!derived || !canSeeDocument(user, derived.header, derived.current)) {
      throw new DomainError('NOT_FOUND', `No document ${id}.`);
    }
    return derived;
  }

  /** The document the caller may edit: NOT_FOUND when invisible, FORBIDDEN when only readable, withdrawn refused. */
  private async editable(user: AuthenticatedUser, id: string): Promise<DerivedHeader> {
    const found = await this.visible(user, id);
    if (!canEditDocument(user, found.header)) {
      throw new DomainError('FORBIDDEN', `Only an admin or staff of group ${found.header.ownerGroup} may change it.`);
    }
    if (found.header.withdrawn) throw new DomainError('DOCUMENT_WITHDRAWN', `Document ${id} is withdrawn.`);
    return found;
  }

  private async view(user: AuthenticatedUser, derived: DerivedHeader): Promise<DocumentView> {
    const id = derived.header._id;
    const n = derived.current;
    const [version, approval] =
      n === null ? [null, null] : await Promise.all([this.store.version(id, n), this.store.approval(id, n)]);
    const current = version && approval ? { version, approval } : null;
    const latest = canEditDocument(user, derived.header) ? await this.store.latestNumber(id) : 0;
    return documentView(user, derived.header, current, latest);
  }
}
