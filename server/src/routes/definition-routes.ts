import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { diffDefinitions, parseDefinition, type Definition } from '@clauseflow/definition';
import { DefinitionStore, type StoredVersion } from '@clauseflow/runtime';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { fieldError, ProblemError } from '../errors/problem-error.ts';
import { problemResponses } from '../errors/problem-schema.ts';
import { requestLanguage } from '../errors/to-problem.ts';
import { checkWithTemplate, conformanceSummary, referencedProcessIssues } from '@clauseflow/application';
import { editableProcess, visibleProcess } from '../processes/process-access.ts';
import {
  DiffSchema,
  DraftSchema,
  draftView,
  VersionMetaSchema,
  VersionParams,
  VersionSchema,
  versionMeta,
} from '../processes/definition-schemas.ts';
import {
  ConformanceSummarySchema,
  conformanceErrors,
  DefinitionJsonSchema,
  IfMatchHeaders,
  ifMatchRevision,
  issueErrors,
  IssueSchema,
  KeyParams,
} from '../processes/process-schemas.ts';

/** Definitions are bigger than account bodies: drafts and imports may be up to 5 MB. */
const DEFINITION_BODY_LIMIT = 5 * 1024 * 1024;

/** 400 unless a definition document names the process it is saved under. */
function assertKey(definition: Record<string, unknown>, key: string, pointer: string): void {
  if (definition['key'] !== key) {
    throw new ProblemError('VALIDATION_FAILED', `The definition's key must be ${key}.`, {
      errors: [fieldError('INVALID_VALUE', pointer, `The definition's key must be "${key}".`, 'body')],
    });
  }
}

/**
 * `/api/processes/:key/...`: definition drafts (optimistic revisions), validation, publish with
 * the conformance check, versions, diffs, export and import. Editing needs admin or an owner of
 * the process; reading published versions needs a role in it.
 */
export const definitionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { processes, definitions, catalogue, conformance, now } = app.platform;
  const tags = ['definitions'];
  const security = SIGNED_IN;

  async function saveDraft(key: string, definition: unknown, actor: string, ifMatch: string | undefined) {
    const expected = ifMatchRevision(ifMatch);
    if (expected !== undefined && Number.isNaN(expected)) {
      throw new ProblemError('PRECONDITION_FAILED', 'If-Match must be a revision ETag such as "3".');
    }
    const outcome = await definitions.saveDraft(key, definition, actor, now(), expected);
    if (!outcome.ok) {
      throw new ProblemError('PRECONDITION_FAILED', `The draft of ${key} is at revision ${outcome.current}.`);
    }
    return outcome.value;
  }

  async function publishedVersion(key: string, version: number): Promise<StoredVersion> {
    const stored = await definitions.get(key, version);
    if (!stored) throw new ProblemError('NOT_FOUND', `Process ${key} has no version ${version}.`);
    return stored;
  }

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
      const draft = await definitions.latestDraft(key);
      if (!draft) throw new ProblemError('NOT_FOUND', `Process ${key} has no draft.`);
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
      assertKey(request.body.definition, key, '/definition/key');
      const draft = await saveDraft(key, request.body.definition, user.id, request.headers['if-match']);
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
      const draft = await definitions.latestDraft(key);
      if (!draft) throw new ProblemError('NOT_FOUND', `Process ${key} has no draft.`);
      const parsed = parseDefinition(JSON.parse(draft.text));
      const check = parsed.definition ? await checkWithTemplate(conformance, catalogue, parsed.definition) : null;
      // What publishing would also refuse: references to processes that are not published.
      const refIssues = parsed.definition ? await referencedProcessIssues(definitions, parsed.definition) : [];
      return {
        rev: draft.rev,
        valid: parsed.valid && refIssues.length === 0,
        issues: [...parsed.issues, ...refIssues],
        conformance: check ? conformanceSummary(check) : null,
      };
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
      const draft = await definitions.latestDraft(key);
      if (!draft) throw new ProblemError('CONFLICT', `Process ${key} has no draft to publish.`);
      const expected = ifMatchRevision(request.headers['if-match']);
      if (expected !== undefined && expected !== draft.rev) {
        throw new ProblemError('PRECONDITION_FAILED', `The draft of ${key} is at revision ${draft.rev}.`);
      }
      const parsed = parseDefinition(JSON.parse(draft.text));
      if (!parsed.definition || !parsed.valid) {
        const errors = issueErrors(parsed.issues);
        throw new ProblemError('DEFINITION_INVALID', `The draft has ${errors.length} validation error(s).`, { errors });
      }
      const unknownRefs = issueErrors(await referencedProcessIssues(definitions, parsed.definition));
      if (unknownRefs.length > 0) {
        throw new ProblemError('DEFINITION_INVALID', 'Record-reference fields name processes that are not published.', {
          errors: unknownRefs,
        });
      }
      const check = await checkWithTemplate(conformance, catalogue, parsed.definition);
      if (!check.ok) {
        const errors = conformanceErrors(check.problems, requestLanguage(request));
        const failed = [...new Set(check.problems.map((p) => p.requirement))];
        throw new ProblemError('DEFINITION_INVALID', `The draft fails claimed requirements: ${failed.join(', ')}.`, {
          errors,
        });
      }
      const stored = await definitions.publish(parsed.definition, user.id, now());
      return reply.code(201).send({ version: versionMeta(stored), conformance: conformanceSummary(check) });
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
      const stored = await publishedVersion(key, version);
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
      const definition = DefinitionStore.definitionOf(await publishedVersion(key, version));
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
      const before: Definition = DefinitionStore.definitionOf(await publishedVersion(key, from));
      const after: Definition = DefinitionStore.definitionOf(await publishedVersion(key, to));
      return { key, from, to, ...diffDefinitions(before, after) };
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
      const parsed = parseDefinition(request.body);
      if (!parsed.definition || !parsed.valid) {
        const errors = issueErrors(parsed.issues, '', 'body');
        throw new ProblemError('DEFINITION_INVALID', `The file has ${errors.length} validation error(s).`, { errors });
      }
      assertKey(request.body, key, '/key');
      // Stored as migrated: an imported older format becomes the current one.
      const draft = await saveDraft(key, parsed.definition, user.id, request.headers['if-match']);
      return reply.code(201).header('etag', `"${draft.rev}"`).send(draftView(draft));
    },
  );
};
