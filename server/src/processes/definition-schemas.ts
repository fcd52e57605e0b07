import { Type, type Static } from 'typebox';
import { parseDefinition } from '@clauseflow/definition';
import type { DraftRevision, StoredVersion } from '@clauseflow/runtime';
import { DefinitionJsonSchema, IssueSchema, ProcessKeySchema, TitleSchema } from './process-schemas.ts';

/* The definition routes' schemas and views (routes/definition-routes.ts), side by side with the process schemas. */

/** A draft revision as the API shows it. */
export const DraftSchema = Type.Object(
  {
    key: Type.String(),
    rev: Type.Integer({ description: 'Send it back as `If-Match: "rev"` to save over exactly this revision.' }),
    savedAt: Type.String({ format: 'date-time' }),
    savedBy: Type.String(),
    definition: Type.Unknown({ description: 'The draft as saved (it may still have issues).' }),
    valid: Type.Boolean(),
    issues: Type.Array(IssueSchema),
  },
  { additionalProperties: false, title: 'DefinitionDraft' },
);
export type DraftView = Static<typeof DraftSchema>;

export const VersionMetaSchema = Type.Object(
  {
    key: Type.String(),
    version: Type.Integer(),
    sha256: Type.String(),
    title: TitleSchema,
    tags: Type.Array(Type.String()),
    publishedAt: Type.String({ format: 'date-time' }),
    publishedBy: Type.String(),
  },
  { additionalProperties: false, title: 'DefinitionVersionMeta' },
);

export const VersionSchema = Type.Object(
  {
    ...VersionMetaSchema.properties,
    definition: DefinitionJsonSchema,
  },
  { additionalProperties: false, title: 'DefinitionVersion' },
);

export const JsonChangeSchema = Type.Object(
  { path: Type.String(), before: Type.Optional(Type.Unknown()), after: Type.Optional(Type.Unknown()) },
  { additionalProperties: false },
);
export const CollectionDiffSchema = Type.Object(
  {
    added: Type.Array(Type.String()),
    removed: Type.Array(Type.String()),
    changed: Type.Array(
      Type.Object({ id: Type.String(), changes: Type.Array(JsonChangeSchema) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export const DiffSchema = Type.Object(
  {
    key: Type.String(),
    from: Type.Integer(),
    to: Type.Integer(),
    identical: Type.Boolean(),
    meta: Type.Array(JsonChangeSchema),
    collections: Type.Record(Type.String(), CollectionDiffSchema, {
      description: 'roles, states, transitions, decisions, ruleSets, forms, clocks, calendars, fields',
    }),
  },
  { additionalProperties: false, title: 'DefinitionDiff' },
);

export const VersionParams = Type.Object(
  { key: ProcessKeySchema, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

/** The draft revision as the API shows it, parsed and validated. */
export function draftView(revision: DraftRevision): DraftView {
  const definition: unknown = JSON.parse(revision.text);
  const parsed = parseDefinition(definition);
  return {
    key: revision.key,
    rev: revision.rev,
    savedAt: revision.savedAt.toISOString(),
    savedBy: revision.savedBy,
    definition,
    valid: parsed.valid,
    issues: parsed.issues,
  };
}

/** A stored version's metadata as the API shows it. */
export function versionMeta(stored: Omit<StoredVersion, 'text'>): Static<typeof VersionMetaSchema> {
  return {
    key: stored.key,
    version: stored.version,
    sha256: stored.sha256,
    title: stored.title,
    tags: stored.tags,
    publishedAt: stored.publishedAt.toISOString(),
    publishedBy: stored.publishedBy,
  };
}
