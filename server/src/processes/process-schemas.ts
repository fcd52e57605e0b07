import { Type, type Static } from 'typebox';

/** A process key, as in definitions: kebab-case. */
export const ProcessKeySchema = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$', description: 'Process key.' });

/** A user id. */
export const UserIdSchema = Type.String({ pattern: '^u_[0-9a-f]{24}$' });

/** A process role id (a role id of the process's definition). */
export const ProcessRoleIdSchema = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$' });

/** Text in both product languages. */
export const TitleSchema = Type.Object(
  { en: Type.String({ minLength: 1, maxLength: 200 }), zh: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

/** `:key` path parameters. */
export const KeyParams = Type.Object({ key: ProcessKeySchema }, { additionalProperties: false });

/** Optional `If-Match` header with a revision ETag. */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The ETag from the last read; a stale one answers 412.' })),
});

/** The revision in an `If-Match` header (`"3"` or `W/"3"`), undefined when absent; NaN when malformed. */
export function ifMatchRevision(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  return Number(/^(?:W\/)?"(\d+)"$/.exec(header.trim())?.[1] ?? NaN);
}

/** A definition validation issue as the API shows it. */
export const IssueSchema = Type.Object(
  {
    code: Type.String(),
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
    path: Type.String({ description: 'JSON Pointer into the definition.' }),
    message: Type.String(),
    params: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false, title: 'DefinitionIssue' },
);

/** A failed conformance requirement, flattened. */
export const ConformanceProblemSchema = Type.Object(
  {
    requirement: Type.String(),
    code: Type.String(),
    path: Type.String({ description: 'JSON Pointer into the definition where the fix belongs.' }),
    message: Type.Object({ en: Type.String(), zh: Type.String() }, { additionalProperties: false }),
  },
  { additionalProperties: false, title: 'ConformanceProblem' },
);

/** The conformance outcome of a definition: its verdict counts and the failures. */
export const ConformanceSummarySchema = Type.Object(
  {
    ok: Type.Boolean(),
    requirementSet: Type.Object({ id: Type.String(), version: Type.String() }, { additionalProperties: false }),
    summary: Type.Record(Type.String(), Type.Integer()),
    problems: Type.Array(ConformanceProblemSchema),
  },
  { additionalProperties: false, title: 'ConformanceSummary' },
);
export type ConformanceSummary = Static<typeof ConformanceSummarySchema>;

/** A definition document (validated by the definition package, not by the route schema). */
export const DefinitionJsonSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: 'A ClauseFlow process definition (see the definition JSON Schema).',
});
