import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Filter } from 'mongodb';
import { Type } from 'typebox';
import { currentUser, requireUser } from '../auth/authorize.ts';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { type AuthenticatedUser } from '@clauseflow/application';
import {
  canEditDocument,
  canEditIn,
  canSeeDocument,
  isStaff,
  visibleDocumentsFilter,
} from '../documents/document-access.ts';
import type { DocumentHeader, DocumentSource } from '../documents/document-model.ts';
import { assertNoDocumentErrors, sourceErrors } from '../documents/document-rules.ts';
import {
  DocumentListQuery,
  DocumentPageSchema,
  DocumentParams,
  DocumentViewSchema,
  HistoryEntrySchema,
  NewDocumentBody,
  NewVersionBody,
  VersionIfMatchHeaders,
  VersionParams,
  VersionViewSchema,
  WithdrawBody,
  type DocumentView,
} from '../documents/document-schemas.ts';
import type { DerivedHeader } from '../documents/document-store.ts';
import { documentSummary, documentView, historyEntry, versionView } from '../documents/document-views.ts';
import { fieldError, ProblemError, type FieldError } from '../errors/problem-error.ts';
import { problemResponses } from '../errors/problem-schema.ts';
import { ifMatchRevision } from '../processes/process-schemas.ts';

const tags = ['documents'];
const security = SIGNED_IN;

/**
 * `/api/documents`: the register of controlled documents that are not process definitions —
 * policies, plans and external documents (vendor manuals, contracts, regulations) with their
 * source (ISO/IEC 20000-1 7.5.3). Staff of a document's owner group (and admin) register it,
 * add immutable versions, approve each other's versions (never their own) and withdraw it;
 * readers see only the approved current version of documents their classification allows.
 * A document the caller may not see answers 404.
 */
export const documentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { documents: store, groups } = app.platform;
  app.addHook('preHandler', requireUser);

  /** The document as the caller may see it: 404 when missing or invisible. */
  async function visible(request: FastifyRequest, id: string): Promise<DerivedHeader & { user: AuthenticatedUser }> {
    const user = currentUser(request);
    const derived = await store.derived(id);
    if (!derived || !canSeeDocument(user, derived.header, derived.current)) {
      throw new ProblemError('NOT_FOUND', `No document ${id}.`);
    }
    return { ...derived, user };
  }

  /** The document the caller may edit: 404 when invisible, 403 when only readable, 409 when withdrawn. */
  async function editable(request: FastifyRequest, id: string): Promise<DerivedHeader & { user: AuthenticatedUser }> {
    const found = await visible(request, id);
    if (!canEditDocument(found.user, found.header)) {
      throw new ProblemError('FORBIDDEN', `Only an admin or staff of group ${found.header.ownerGroup} may change it.`);
    }
    if (found.header.withdrawn) throw new ProblemError('DOCUMENT_WITHDRAWN', `Document ${id} is withdrawn.`);
    return found;
  }

  async function view(user: AuthenticatedUser, derived: DerivedHeader): Promise<DocumentView> {
    const id = derived.header._id;
    const n = derived.current;
    const [version, approval] =
      n === null ? [null, null] : await Promise.all([store.version(id, n), store.approval(id, n)]);
    const current = version && approval ? { version, approval } : null;
    const latest = canEditDocument(user, derived.header) ? await store.latestNumber(id) : 0;
    return documentView(user, derived.header, current, latest);
  }

  app.post(
    '/documents',
    {
      schema: {
        tags,
        security,
        summary: 'Register a controlled document (external ones with their source), optionally with its first version',
        body: NewDocumentBody,
        response: { 201: DocumentViewSchema, ...problemResponses(422) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const body = request.body;
      if (!isStaff(user)) throw new ProblemError('FORBIDDEN', 'Only staff register documents.');
      const errors: FieldError[] = [];
      if (body.origin === 'external' && !body.source) {
        errors.push(fieldError('MISSING_FIELD', '/source', 'An external document needs its source.', 'body'));
      }
      errors.push(...sourceErrors(body.origin, body.source, '/source'));
      if ((await groups.unknown([body.ownerGroup])).length > 0) {
        errors.push(fieldError('INVALID_VALUE', '/ownerGroup', `No group ${body.ownerGroup}.`, 'body'));
      }
      assertNoDocumentErrors(errors);
      if (!canEditIn(user, body.ownerGroup)) {
        throw new ProblemError('FORBIDDEN', `Only an admin or staff of group ${body.ownerGroup} may register it.`);
      }
      const source: DocumentSource | null = body.source ?? null;
      const header = await store.create({
        _id: body.id,
        title: body.title,
        kind: body.kind,
        origin: body.origin,
        source,
        classification: body.classification,
        ownerGroup: body.ownerGroup,
        createdBy: user.id,
      });
      if (!header) throw new ProblemError('CONFLICT', `A document ${body.id} exists already.`);
      if (body.firstVersion) await store.addVersion(header._id, { ...body.firstVersion, source }, user.id);
      const derived = await store.derived(header._id);
      return reply
        .code(201)
        .header('location', `/api/documents/${header._id}`)
        .send(await view(user, derived ?? { header, current: null }));
    },
  );

  app.get(
    '/documents',
    {
      schema: {
        tags,
        security,
        summary: 'List the register: the documents the caller may see, filtered, a page at a time',
        querystring: DocumentListQuery,
        response: { 200: DocumentPageSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { origin, kind, status, after } = request.query;
      const limit = request.query.limit ?? 50;
      const parts: Filter<DocumentHeader>[] = [];
      if (origin) parts.push({ origin });
      if (kind) parts.push({ kind });
      if (status) parts.push({ status });
      const access = visibleDocumentsFilter(user);
      if (access) parts.push(access);
      const filter: Filter<DocumentHeader> = parts.length === 0 ? {} : { $and: parts };
      const page = await store.page(filter, limit + 1, after);
      const shown = page.slice(0, limit);
      // The status filter read a cache: check each entry again on values derived from the approvals.
      const items = (await store.derive(shown))
        .filter((d) => canSeeDocument(user, d.header, d.current) && (!status || d.header.status === status))
        .map((d) => documentSummary(user, d.header));
      return { items, nextCursor: page.length > limit ? (shown.at(-1)?._id ?? null) : null };
    },
  );

  app.get(
    '/documents/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Fetch a document with its approved current version',
        params: DocumentParams,
        response: { 200: DocumentViewSchema },
      },
    },
    async (request) => {
      const found = await visible(request, request.params.id);
      return view(found.user, found);
    },
  );

  app.get(
    '/documents/:id/versions/:n',
    {
      schema: {
        tags,
        security,
        summary: 'Fetch one version (readers: the approved current version only)',
        params: VersionParams,
        response: { 200: VersionViewSchema },
      },
    },
    async (request) => {
      const { id, n } = request.params;
      const found = await visible(request, id);
      const editor = canEditDocument(found.user, found.header);
      const version = editor || n === found.current ? await store.version(id, n) : null;
      if (!version) throw new ProblemError('NOT_FOUND', `No version ${n} of document ${id}.`);
      return versionView(version, await store.approval(id, n), found.current);
    },
  );

  app.post(
    '/documents/:id/versions',
    {
      schema: {
        tags,
        security,
        summary: 'Add a draft version (immutable once written); If-Match names the newest version seen',
        params: DocumentParams,
        headers: VersionIfMatchHeaders,
        body: NewVersionBody,
        response: { 201: VersionViewSchema, ...problemResponses(422) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const found = await editable(request, id);
      const { header } = found;
      assertNoDocumentErrors(sourceErrors(header.origin, request.body.source, '/source'));
      const expected = ifMatchRevision(request.headers['if-match']);
      if (expected !== undefined && !Number.isInteger(expected)) {
        throw new ProblemError('PRECONDITION_FAILED', 'If-Match must be a quoted version number, such as "2".');
      }
      let source: DocumentSource | null = null;
      if (header.origin === 'external') {
        const latest = await store.latestNumber(id);
        source = request.body.source ?? (await store.version(id, latest))?.source ?? header.source;
      }
      const outcome = await store.addVersion(
        id,
        { content: request.body.content, changeSummary: request.body.changeSummary, source },
        found.user.id,
        expected,
      );
      if (!outcome.ok) {
        throw new ProblemError('PRECONDITION_FAILED', `Document ${id} is at version ${outcome.latest}.`);
      }
      const { version } = outcome;
      return reply
        .code(201)
        .header('location', `/api/documents/${id}/versions/${version.n}`)
        .header('etag', `"${version.n}"`)
        .send(versionView(version, null, found.current));
    },
  );

  app.post(
    '/documents/:id/versions/:n/approve',
    {
      schema: {
        tags,
        security,
        summary: 'Approve a draft version (not one’s own): it becomes current and supersedes the previous one',
        params: VersionParams,
        response: { 200: DocumentViewSchema },
      },
    },
    async (request) => {
      const { id, n } = request.params;
      const found = await editable(request, id);
      const version = await store.version(id, n);
      if (!version) throw new ProblemError('NOT_FOUND', `No version ${n} of document ${id}.`);
      if (version.author === found.user.id) {
        throw new ProblemError(
          'DOCUMENT_SELF_APPROVAL',
          `Version ${n} was written by the caller; another editor approves it.`,
        );
      }
      const notDraft = () =>
        new ProblemError('DOCUMENT_VERSION_NOT_DRAFT', `Version ${n} of document ${id} is approved or superseded.`);
      if (found.current !== null && n <= found.current) throw notDraft();
      const outcome = await store.approve(id, n, found.user.id);
      if (!outcome.ok) throw notDraft();
      const derived = await store.derived(id);
      return view(found.user, derived ?? found);
    },
  );

  app.post(
    '/documents/:id/withdraw',
    {
      schema: {
        tags,
        security,
        summary: 'Withdraw an obsolete document: it stays in the register with its history, hidden from readers',
        params: DocumentParams,
        body: WithdrawBody,
        response: { 200: DocumentViewSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const found = await visible(request, id);
      if (!canEditDocument(found.user, found.header)) {
        throw new ProblemError(
          'FORBIDDEN',
          `Only an admin or staff of group ${found.header.ownerGroup} may withdraw it.`,
        );
      }
      await store.withdraw(found.header, found.user.id, request.body.reason);
      const derived = await store.derived(id);
      return view(found.user, derived ?? found);
    },
  );

  app.get(
    '/documents/:id/history',
    {
      schema: {
        tags,
        security,
        summary: 'The versions with who wrote and approved each, and when (readers: approved versions only)',
        params: DocumentParams,
        response: {
          200: Type.Object({ items: Type.Array(HistoryEntrySchema) }, { additionalProperties: false }),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const found = await visible(request, id);
      const editor = canEditDocument(found.user, found.header);
      const [versions, approvals] = await Promise.all([store.allVersions(id), store.allApprovals(id)]);
      const approvalOf = new Map(approvals.map((approval) => [approval.n, approval]));
      const items = versions
        .filter((version) => editor || approvalOf.has(version.n))
        .reverse()
        .map((version) => historyEntry(version, approvalOf.get(version.n) ?? null, found.current));
      return { items };
    },
  );
};
