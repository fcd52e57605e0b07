import Type from 'typebox';

/**
 * The requirement-set format: a standard's requirements as data, one entry per "shall" statement
 * and per lettered or numbered item under one. This file is the single source of the JSON Schema
 * (validated with ajv) and of the TypeScript types.
 */

/** A text in English and Simplified Chinese (our own wording, never the standard's). */
export const RequirementText = Type.Object(
  {
    en: Type.String({ minLength: 1, maxLength: 2000 }),
    zh: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false, description: 'Text in English and Simplified Chinese.' },
);
export type RequirementText = Type.Static<typeof RequirementText>;

/** Pattern of a clause number such as `8.6.1` or `10`. */
export const CLAUSE_PATTERN = '^[1-9][0-9]*(\\.[1-9][0-9]*)*$';

/**
 * Pattern of a requirement id: `<clause>-<n>` for the n-th "shall" statement of a clause,
 * `<clause>.<letter>` for a lettered item, `<clause>.<letter>.<n>` for a numbered item under a
 * lettered item, and `<clause>-<n>.<letter>[.<n>]` for items of a clause's second or later list.
 */
export const REQUIREMENT_ID_PATTERN = '^[1-9][0-9]*(\\.[1-9][0-9]*)*(-[1-9][0-9]*)?(\\.[a-z](\\.[1-9][0-9]*)?)?$';

/** Pattern of a process-area or template key (kebab-case). */
export const AREA_KEY_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

const RequirementId = Type.String({ pattern: REQUIREMENT_ID_PATTERN, maxLength: 64 });
const AreaKey = Type.String({ pattern: AREA_KEY_PATTERN, maxLength: 64 });

/** The kinds of requirement: how a requirement is met. */
export const REQUIREMENT_KINDS = ['process', 'platform', 'organizational'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/** How a `platform` requirement is met: the feature, and the test in the repository that proves it. */
export const PlatformMapping = Type.Object(
  {
    feature: RequirementText,
    /** Repository-relative path of the test that proves the feature; null while not yet written. */
    provenBy: Type.Union([Type.String({ minLength: 1, maxLength: 300 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type PlatformMapping = Type.Static<typeof PlatformMapping>;

/** How an `organizational` requirement is met: the evidence the organization keeps, and where. */
export const OrganizationalMapping = Type.Object(
  {
    evidence: RequirementText,
    /** Key of the catalogue template in which the organization keeps that evidence. */
    template: Type.Optional(AreaKey),
  },
  { additionalProperties: false },
);
export type OrganizationalMapping = Type.Static<typeof OrganizationalMapping>;

/** The properties every requirement has, whatever its kind. */
const common = {
  id: RequirementId,
  clause: Type.String({ pattern: CLAUSE_PATTERN, maxLength: 32 }),
  title: RequirementText,
  text: RequirementText,
  /** Process-area keys the requirement applies to (e.g. `incident-management`, `risks`). */
  processes: Type.Optional(Type.Array(AreaKey, { minItems: 1, maxItems: 40, uniqueItems: true })),
  /** Id of the statement (or lettered item) this item belongs to. */
  parent: Type.Optional(RequirementId),
};

/** Met by elements of a process definition, checked by machine. */
export const ProcessRequirement = Type.Object(
  { ...common, kind: Type.Literal('process') },
  { additionalProperties: false },
);
export type ProcessRequirement = Type.Static<typeof ProcessRequirement>;

/** Met by the platform itself for every process. */
export const PlatformRequirement = Type.Object(
  { ...common, kind: Type.Literal('platform'), platform: PlatformMapping },
  { additionalProperties: false },
);
export type PlatformRequirement = Type.Static<typeof PlatformRequirement>;

/** Can only be met by the organization. */
export const OrganizationalRequirement = Type.Object(
  { ...common, kind: Type.Literal('organizational'), organizational: OrganizationalMapping },
  { additionalProperties: false },
);
export type OrganizationalRequirement = Type.Static<typeof OrganizationalRequirement>;

/**
 * One requirement. The union is discriminated by `kind`, and each kind carries its own section,
 * so a platform requirement without `platform` (or a process requirement with one) is invalid.
 * The branches are in the order of {@link REQUIREMENT_KINDS}.
 */
export const Requirement = Type.Union([ProcessRequirement, PlatformRequirement, OrganizationalRequirement]);
export type Requirement = Type.Static<typeof Requirement>;

/** A requirement set: one standard's requirements, versioned as data. */
export const RequirementSet = Type.Object(
  {
    id: Type.String({ pattern: AREA_KEY_PATTERN, maxLength: 64 }),
    version: Type.String({
      pattern: '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$',
      description: 'Semantic version of the data.',
    }),
    standard: Type.String({ minLength: 1, maxLength: 100 }),
    requirements: Type.Array(Requirement, { minItems: 1, maxItems: 5000 }),
  },
  { additionalProperties: false },
);
export type RequirementSet = Type.Static<typeof RequirementSet>;
