import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser, requireRole } from '../auth/authorize.ts';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { problemResponses } from '../errors/problem-schema.ts';
import { ConformanceSummarySchema, ProcessKeySchema, TitleSchema } from '../processes/process-schemas.ts';
import { draftView, DraftSchema } from '../processes/definition-schemas.ts';
import { processView, ProcessSchema } from '../processes/process-routes.ts';

/** A pack file may hold hundreds of templates: this route alone accepts up to 20 MB. */
const PACK_BODY_LIMIT = 20 * 1024 * 1024;

const PackNameSchema = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' });

const PlanSchema = Type.Object(
  {
    pack: Type.String(),
    version: Type.String(),
    activeVersion: Type.Union([Type.String(), Type.Null()], { description: 'The version in use before the import.' }),
    added: Type.Array(Type.String()),
    changed: Type.Array(Type.String()),
    unchanged: Type.Array(Type.String()),
    removed: Type.Array(Type.String()),
  },
  { additionalProperties: false, title: 'PackImportPlan' },
);

const ProgressSchema = Type.Object(
  { done: Type.Integer(), total: Type.Integer(), step: Type.String() },
  { additionalProperties: false },
);

const CatalogueTemplateSchema = Type.Object(
  {
    pack: Type.String(),
    packVersion: Type.String(),
    key: Type.String(),
    version: Type.Integer(),
    sha256: Type.String(),
    title: TitleSchema,
    claims: Type.Array(Type.String()),
  },
  { additionalProperties: false, title: 'CatalogueTemplate' },
);

const AppliedSchema = Type.Object(
  { scope: Type.String(), id: Type.String(), kind: Type.String() },
  { additionalProperties: false },
);
const ConflictSchema = Type.Object(
  {
    scope: Type.String(),
    id: Type.String(),
    path: Type.String({ description: 'JSON Pointer-like location: /{scope}/{id}.' }),
    base: Type.Optional(Type.Unknown()),
    template: Type.Optional(Type.Unknown()),
    copy: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);
const CopyUpgradeSchema = Type.Object(
  {
    copy: Type.String(),
    template: Type.String(),
    source: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
    status: Type.Union([
      Type.Literal('up-to-date'),
      Type.Literal('clean'),
      Type.Literal('conflicts'),
      Type.Literal('template-missing'),
    ]),
    fromVersion: Type.Optional(Type.Integer()),
    toVersion: Type.Optional(Type.Integer()),
    reason: Type.Optional(Type.String()),
    applied: Type.Array(AppliedSchema),
    conflicts: Type.Array(ConflictSchema),
    conformance: Type.Union([ConformanceSummarySchema, Type.Null()], {
      description: 'Conformance of the merged definition (null when there is none).',
    }),
  },
  { additionalProperties: false, title: 'CopyUpgrade' },
);

const NameParams = Type.Object({ name: PackNameSchema }, { additionalProperties: false });

/**
 * `/api/packs` (admin): verify and import template packs (dry run first), preview and apply
 * template upgrades to tailored copies. `/api/catalogue` (process owners): the active
 * templates, and tailoring one into a process of one's own. The use cases are `clauseflow.packs`.
 */
export const packRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const platform = app.platform;
  const packs = platform.clauseflow.packs;
  const security = SIGNED_IN;

  app.post(
    '/packs/import',
    {
      bodyLimit: PACK_BODY_LIMIT,
      preHandler: requireRole('admin'),
      schema: {
        tags: ['packs'],
        security,
        summary: 'Verify a template pack, then dry-run (default) or import it',
        querystring: Type.Object(
          { dryRun: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')], { default: 'true' })) },
          { additionalProperties: false },
        ),
        body: Type.Record(Type.String(), Type.Unknown(), { description: 'The pack file (clauseflow-pack/1).' }),
        response: {
          ...problemResponses(422),
          200: Type.Object(
            {
              dryRun: Type.Boolean(),
              plan: PlanSchema,
              activeVersion: Type.Union([Type.String(), Type.Null()], { description: 'The version in use now.' }),
              progress: Type.Array(ProgressSchema),
            },
            { additionalProperties: false },
          ),
        },
      },
    },
    async (request) => {
      const actor = currentUser(request).id;
      return packs.import(request.body, { dryRun: request.query.dryRun !== 'false', actor });
    },
  );

  app.get(
    '/catalogue',
    {
      preHandler: requireRole('process-owner'),
      schema: {
        tags: ['catalogue'],
        security,
        summary: 'The templates of every pack version in use',
        response: { 200: Type.Object({ items: Type.Array(CatalogueTemplateSchema) }, { additionalProperties: false }) },
      },
    },
    async () => ({ items: await packs.templatesInUse() }),
  );

  app.post(
    '/catalogue/:pack/:key/tailor',
    {
      preHandler: requireRole('process-owner'),
      schema: {
        tags: ['catalogue'],
        security,
        summary: 'Tailor a template: a new process owned by the caller, with a draft derived from the template',
        params: Type.Object({ pack: PackNameSchema, key: ProcessKeySchema }, { additionalProperties: false }),
        body: Type.Object(
          { key: ProcessKeySchema, title: Type.Optional(TitleSchema) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ process: ProcessSchema, draft: DraftSchema }, { additionalProperties: false }) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { pack, key } = request.params;
      const { key: copyKey, title } = request.body;
      const tailored = await packs.tailor(pack, key, { copyKey, actor: user.id, ...(title ? { title } : {}) });
      return reply.code(201).send({
        process: await processView(platform, user, tailored.process),
        draft: draftView(tailored.draft),
      });
    },
  );

  app.get(
    '/packs/:name/upgrades',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['packs'],
        security,
        summary: 'Three-way comparison of every tailored copy with the pack version in use',
        params: NameParams,
        response: {
          200: Type.Object(
            {
              pack: Type.String(),
              activeVersion: Type.Union([Type.String(), Type.Null()]),
              copies: Type.Array(CopyUpgradeSchema),
            },
            { additionalProperties: false },
          ),
        },
      },
    },
    async (request) => {
      const { name } = request.params;
      return { pack: name, ...(await packs.upgrades(name)) };
    },
  );

  app.post(
    '/packs/:name/upgrades/:copyKey/apply',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['packs'],
        security,
        summary: 'Save a tailored copy merged with the new template as a new draft revision (409 on conflicts)',
        params: Type.Object({ name: PackNameSchema, copyKey: ProcessKeySchema }, { additionalProperties: false }),
        response: {
          200: Type.Object({ draft: DraftSchema, upgrade: CopyUpgradeSchema }, { additionalProperties: false }),
        },
      },
    },
    async (request) => {
      const { name, copyKey } = request.params;
      const { draft, upgrade } = await packs.applyUpgrade(name, copyKey, currentUser(request).id);
      return { draft: draftView(draft), upgrade };
    },
  );
};
