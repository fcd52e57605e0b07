import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DefinitionStore } from '@clauseflow/runtime';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { problemResponses } from '../errors/problem-schema.ts';
import { requestLanguage } from '../errors/to-problem.ts';
import { conformanceSummary } from '@clauseflow/application';
import { editableProcess, visibleProcess } from './process-access.ts';
import {
  DiffSchema,
  DraftSchema,
  draftView,
  VersionMetaSchema,
  VersionParams,
  VersionSchema,
  versionMeta,
} from './definition-schemas.ts';
import {
  ConformanceSummarySchema,
  DefinitionJsonSchema,
  IfMatchHeaders,
  IssueSchema,
  ifMatchRevision,
  KeyParams,
} from './process-schemas.ts';

/** Definitions are bigger than account bodies: drafts and imports may be up to 5 MB. */
const DEFINITION_BODY_LIMIT = 5 * 1024 * 1024;

/**
 * `/api/processes/:key/...`: definition drafts (optimistic revisions), validation, publish with
 * the conformance check, versions, diffs, export and import. Editing needs admin or an owner of
 * the process; reading published versions needs a role in it.
 */
export const definitionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { processes, definitions } = app.platform;
  const { authoring } = app.platform.clauseflow;
  const tags = ['definitions'];
  const security = SIGNED_IN;

  app.get(
    '/processes/:key/draft',
    {
      schema: {
        tags,
        security,
        summary: 'Fetch the latest draft revision with its issues (editors)',
        params: KeyParams,
        response: { 200: DraftSchema },
      },
    },
    async (request, reply) => {
      const { key } = request.params;
      await editableProcess(processes, request, key);
      const draft = await authoring.draft(key);
      return reply.header('etag', `"${draft.rev}"`).send(draftView(draft));
    },
  );

  app.put(
    '/processes/:key/draft',
    {
      bodyLimit: DEFINITION_BODY_LIMIT,
      schema: {
        tags,
        security,
        summary: 'Save a new draft revision (If-Match: the revision it replaces; "0" for the first)',
        params: KeyParams,
        headers: IfMatchHeaders,
        body: Type.Object({ definition: DefinitionJsonSchema }, { additionalProperties: false }),
        response: { 200: DraftSchema },
      },
    },
    async (request, reply) => {
      const { key } = request.params;
      const { user } = await editableProcess(processes, request, key);
      const expected = ifMatchRevision(request.headers['if-match']);
      const draft = await authoring.saveDraft(key, request.body.definition, user.id, expected);
      return reply.header('etag', `"${draft.rev}"`).send(draftView(draft));
    },
  );

  app.post(
    '/processes/:key/draft/validate',
    {
      schema: {
        tags,
        security,
        summary: 'Validate the latest draft and check its conformance',
        params: KeyParams,
        response: {
          200: Type.Object(
            {
              rev: Type.Integer(),
              valid: Type.Boolean(),
              issues: Type.Array(IssueSchema),
              conformance: Type.Union([ConformanceSummarySchema, Type.Null()], {
                description: 'Null while the draft does not have the definition shape.',
              }),
            },
            { additionalProperties: false },
          ),
        },
      },
    },
    async (request) => {
      const { key } = request.params;
      await editableProcess(processes, request, key);
      const verdict = await authoring.validateDraft(key);
      return { ...verdict, conformance: verdict.conformance ? conformanceSummary(verdict.conformance) : null };
    },
  );

  app.post(
    '/processes/:key/publish',
    {
      schema: {
        tags,
        security,
        summary: 'Publish the latest draft as the next immutable version (refused on errors or failed claims)',
        params: KeyParams,
        headers: IfMatchHeaders,
        response: {
          ...problemResponses(422),
          201: Type.Object(
            { version: VersionMetaSchema, conformance: ConformanceSummarySchema },
            { additionalProperties: false },
          ),
        },
      },
    },
    async (request, reply) => {
      const { key } = request.params;
      const { user } = await editableProcess(processes, request, key);
      const { version, check } = await authoring.publish(key, {
        actor: user.id,
        language: requestLanguage(request),
        expectedRev: ifMatchRevision(request.headers['if-match']),
      });
      return reply.code(201).send({ version: versionMeta(version), conformance: conformanceSummary(check) });
    },
  );

  app.get(
    '/processes/:key/versions',
    {
      schema: {
        tags,
        security,
        summary: 'List published versions, newest first',
        params: KeyParams,
        response: { 200: Type.Object({ items: Type.Array(VersionMetaSchema) }, { additionalProperties: false }) },
      },
    },
    async (request) => {
      const { key } = request.params;
      await visibleProcess(processes, request, key);
      return { items: (await definitions.list(key)).map(versionMeta) };
    },
  );

  app.get(
    '/processes/:key/versions/:version',
    {
      schema: {
        tags,
        security,
        summary: 'Fetch a published version',
        params: VersionParams,
        response: { 200: VersionSchema },
      },
    },
    async (request) => {
      const { key, version } = request.params;
      await visibleProcess(processes, request, key);
      const stored = await authoring.version(key, version);
      return { ...versionMeta(stored), definition: DefinitionStore.definitionOf(stored) };
    },
  );

  app.get(
    '/processes/:key/versions/:version/export',
    {
      schema: {
        tags,
        security,
        summary: 'Download a published version as a JSON file',
        params: VersionParams,
        response: { 200: DefinitionJsonSchema },
      },
    },
    async (request, reply) => {
      const { key, version } = request.params;
      await visibleProcess(processes, request, key);
      const definition = DefinitionStore.definitionOf(await authoring.version(key, version));
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${key}-v${version}.json"`)
        .send(`${JSON.stringify(definition, null, 2)}\n` as unknown as Record<string, unknown>);
    },
  );

  app.get(
    '/processes/:key/diff',
    {
      schema: {
        tags,
        security,
        summary: 'Structured diff of two published versions (states, transitions, rules, forms, …)',
        params: KeyParams,
        querystring: Type.Object(
          { from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        response: { 200: DiffSchema },
      },
    },
    async (request) => {
      const { key } = request.params;
      const { from, to } = request.query;
      await visibleProcess(processes, request, key);
      return { key, from, to, ...(await authoring.diff(key, from, to)) };
    },
  );

  app.post(
    '/processes/:key/import',
    {
      bodyLimit: DEFINITION_BODY_LIMIT,
      schema: {
        tags,
        security,
        summary: 'Import a definition JSON file as a new draft revision (refused when it has errors)',
        params: KeyParams,
        headers: IfMatchHeaders,
        body: DefinitionJsonSchema,
        response: { ...problemResponses(422), 201: DraftSchema },
      },
    },
    async (request, reply) => {
      const { key } = request.params;
      const { user } = await editableProcess(processes, request, key);
      const expected = ifMatchRevision(request.headers['if-match']);
      const draft = await authoring.importDraft(key, request.body, user.id, expected);
      return reply.code(201).header('etag', `"${draft.rev}"`).send(draftView(draft));
    },
  );
};
