import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
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
} from '@clauseflow/application';
import { currentUser, requireUser } from '../auth/authorize.ts';
import { SIGNED_IN } from '../auth/signed-in.ts';
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
  const register = app.platform.clauseflow.documents;
  app.addHook('preHandler', requireUser);

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
      const view = await register.register(currentUser(request), request.body);
      return reply.code(201).header('location', `/api/documents/${view.id}`).send(view);
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
    async (request) => register.list(currentUser(request), request.query),
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
    async (request) => register.get(currentUser(request), request.params.id),
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
    async (request) => register.version(currentUser(request), request.params.id, request.params.n),
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
      const expected = ifMatchRevision(request.headers['if-match']);
      const version = await register.addVersion(currentUser(request), id, request.body, expected);
      return reply
        .code(201)
        .header('location', `/api/documents/${id}/versions/${version.n}`)
        .header('etag', `"${version.n}"`)
        .send(version);
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
    async (request) => register.approve(currentUser(request), request.params.id, request.params.n),
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
    async (request) => register.withdraw(currentUser(request), request.params.id, request.body.reason),
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
    async (request) => ({ items: await register.history(currentUser(request), request.params.id) }),
  );
};
