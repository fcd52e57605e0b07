import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { parseDefinition, type Definition } from '@clauseflow/definition';
import {
  CatalogueConflictError,
  DefinitionStore,
  previewTemplateUpgrades,
  type CopyUpgrade,
  type ImportProgress,
} from '@clauseflow/runtime';
import { currentUser, requireRole } from '../auth/authorize.ts';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { pointerToken, ProblemError, type FieldError } from '../errors/problem-error.ts';
import { problemResponses } from '../errors/problem-schema.ts';
import { importablePack, verifyTemplatePack } from '../conformance/pack-verification.ts';
import { checkWithTemplate, conformanceSummary } from '../processes/definition-checks.ts';
import { ConformanceSummarySchema, ProcessKeySchema, TitleSchema } from '../processes/process-schemas.ts';
import { ProcessConflictError } from '@clauseflow/application';
import { draftView, DraftSchema } from '../processes/definition-schemas.ts';
import { processView, ProcessSchema } from './process-routes.ts';

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
type CopyUpgradeView = Static<typeof CopyUpgradeSchema>;

const NameParams = Type.Object({ name: PackNameSchema }, { additionalProperties: false });

/** A tailored copy of some template: its latest draft, else its newest published version. */
interface Copy {
  definition: Definition;
  source: 'draft' | 'published';
}

/**
 * `/api/packs` (admin): verify and import template packs (dry run first), preview and apply
 * template upgrades to tailored copies. `/api/catalogue` (process owners): the active
 * templates, and tailoring one into a process of one's own.
 */
export const packRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const platform = app.platform;
  const { catalogue, conformance, definitions, processes, now } = platform;
  const security = SIGNED_IN;

  /** Tailored copies (latest draft, else newest published version) deriving from the pack. */
  async function copiesOf(pack: string): Promise<Map<string, Copy>> {
    const copies = new Map<string, Copy>();
    for (const process of await processes.list()) {
      const draft = await definitions.latestDraft(process._id);
      let copy: Copy | undefined;
      if (draft) {
        const parsed = parseDefinition(JSON.parse(draft.text));
        if (parsed.definition) copy = { definition: parsed.definition, source: 'draft' };
      } else {
        const stored = await definitions.latest(process._id);
        if (stored) copy = { definition: DefinitionStore.definitionOf(stored), source: 'published' };
      }
      if (copy?.definition.derivedFrom?.packName === pack) copies.set(process._id, copy);
    }
    return copies;
  }

  async function upgradeView(upgrade: CopyUpgrade, source: Copy['source']): Promise<CopyUpgradeView> {
    if (upgrade.status === 'template-missing') {
      const { copy, template, status, reason } = upgrade;
      return { copy, template, source, status, reason, applied: [], conflicts: [], conformance: null };
    }
    const check = await checkWithTemplate(conformance, catalogue, upgrade.merge.merged);
    return {
      copy: upgrade.copy,
      template: upgrade.template,
      source,
      status: upgrade.status,
      fromVersion: upgrade.fromVersion,
      toVersion: upgrade.toVersion,
      applied: upgrade.merge.applied,
      conflicts: upgrade.merge.conflicts.map((c) => ({ ...c, path: `/${c.scope}/${pointerToken(c.id)}` })),
      conformance: conformanceSummary(check),
    };
  }

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
      const user = currentUser(request);
      const verified = verifyTemplatePack(request.body, conformance, platform.packPublicKey);
      if (!verified.ok) {
        const errors: FieldError[] = verified.issues.map((issue) => ({
          code: 'PACK_ISSUE',
          issue: issue.code,
          path: issue.path,
          message: issue.message,
          in: 'body',
        }));
        const codes = [...new Set(verified.issues.map((issue) => issue.code))];
        throw new ProblemError('PACK_INVALID', `The pack failed verification: ${codes.join(', ')}.`, { errors });
      }
      const pack = importablePack(verified.pack);
      const name = pack.manifest.name;
      if (request.query.dryRun !== 'false') {
        return {
          dryRun: true,
          plan: await catalogue.plan(pack),
          activeVersion: await catalogue.activeVersion(name),
          progress: [],
        };
      }
      const progress: ImportProgress[] = [];
      try {
        const plan = await catalogue.import(pack, user.id, now(), (step) => progress.push(step));
        return { dryRun: false, plan, activeVersion: await catalogue.activeVersion(name), progress };
      } catch (error) {
        if (error instanceof CatalogueConflictError) {
          const active = await catalogue.activeVersion(name);
          throw new ProblemError(
            'PACK_VERSION_CONFLICT',
            `Import stopped: ${error.message}. The catalogue still uses ${name}@${active ?? '(none)'}.`,
          );
        }
        throw error;
      }
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
    async () => {
      const packs = (await platform.db.collection<{ pack: string }>('catalogue_packs').distinct('pack')).sort();
      const items: Static<typeof CatalogueTemplateSchema>[] = [];
      for (const pack of packs) {
        for (const stored of await catalogue.activeTemplates(pack)) {
          const template = await catalogue.template(pack, stored.packVersion, stored.key);
          if (!template) continue;
          items.push({
            pack,
            packVersion: stored.packVersion,
            key: stored.key,
            version: stored.version,
            sha256: stored.sha256,
            title: template.title,
            claims: template.claims ?? [],
          });
        }
      }
      return { items };
    },
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
      const active = await catalogue.activeVersion(pack);
      const template = active === null ? null : await catalogue.template(pack, active, key);
      if (!template) throw new ProblemError('NOT_FOUND', `No template ${key} in pack ${pack}.`);
      const copyKey = request.body.key;
      const title = request.body.title ?? { en: template.title.en.slice(0, 200), zh: template.title.zh.slice(0, 200) };
      // Without its own `claims` list the copy inherits every claim of the template.
      const { claims: _claims, ...rest } = template;
      const copy: Definition = {
        ...rest,
        key: copyKey,
        version: 1,
        title,
        derivedFrom: { packName: pack, templateKey: key, version: template.version },
      };
      let process;
      try {
        process = await processes.create(copyKey, { title, owners: [user.id], grants: [] }, user.id);
      } catch (error) {
        if (error instanceof ProcessConflictError) throw new ProblemError('CONFLICT', error.message);
        throw error;
      }
      const saved = await definitions.saveDraft(copyKey, copy, user.id, now(), 0);
      if (!saved.ok) throw new ProblemError('CONFLICT', `Process ${copyKey} has a draft already.`);
      return reply
        .code(201)
        .send({ process: await processView(platform, user, process), draft: draftView(saved.value) });
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
      const copies = await copiesOf(name);
      const upgrades = await previewTemplateUpgrades(
        catalogue,
        name,
        [...copies.values()].map((c) => c.definition),
      );
      const views = await Promise.all(upgrades.map((u) => upgradeView(u, copies.get(u.copy)!.source)));
      return { pack: name, activeVersion: await catalogue.activeVersion(name), copies: views };
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
      const user = currentUser(request);
      const { name, copyKey } = request.params;
      const copy = (await copiesOf(name)).get(copyKey);
      if (!copy) throw new ProblemError('NOT_FOUND', `Process ${copyKey} is not a tailored copy of pack ${name}.`);
      const [upgrade] = await previewTemplateUpgrades(catalogue, name, [copy.definition]);
      if (!upgrade) throw new ProblemError('NOT_FOUND', `Process ${copyKey} is not a tailored copy of pack ${name}.`);
      const view = await upgradeView(upgrade, copy.source);
      if (upgrade.status === 'template-missing') throw new ProblemError('CONFLICT', upgrade.reason);
      if (upgrade.status === 'conflicts') {
        const errors: FieldError[] = view.conflicts.map((c) => ({
          code: 'MERGE_CONFLICT',
          path: c.path,
          message: `Both the template and ${copyKey} changed ${c.scope} ${c.id}; resolve it in the draft.`,
        }));
        throw new ProblemError('CONFLICT', `${copyKey} has ${errors.length} conflict(s) with the new template.`, {
          errors,
        });
      }
      const current = (await definitions.latestDraft(copyKey))?.rev ?? 0;
      const saved = await definitions.saveDraft(copyKey, upgrade.merge.merged, user.id, now(), current);
      if (!saved.ok) throw new ProblemError('PRECONDITION_FAILED', `The draft of ${copyKey} changed meanwhile.`);
      return { draft: draftView(saved.value), upgrade: view };
    },
  );
};
