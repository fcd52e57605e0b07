import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { currentUser, requireRole, requireUser } from '../auth/authorize.ts';
import { canEditProcess } from '@clauseflow/application';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { GroupIdSchema, type AuthenticatedUser } from '@clauseflow/application';
import { fieldError, ProblemError, type FieldError } from '../errors/problem-error.ts';
import { editableProcess, visibleProcess } from './process-access.ts';
import {
  IfMatchHeaders,
  ifMatchRevision,
  KeyParams,
  ProcessKeySchema,
  ProcessRoleIdSchema,
  TitleSchema,
  UserIdSchema,
} from './process-schemas.ts';
import {
  canSeeProcess,
  ProcessConflictError,
  processAccess,
  processRolesOf,
  type ProcessChanges,
  type ProcessDocument,
  type ProcessGrant,
} from '@clauseflow/application';
import type { Platform } from '../platform.ts';
import { assertAudienceGroupsExist, audienceOf, AudienceSchema } from '@clauseflow/application';

const GrantSchema = Type.Object(
  {
    role: ProcessRoleIdSchema,
    users: Type.Array(UserIdSchema, { maxItems: 1000, uniqueItems: true }),
    groups: Type.Array(GroupIdSchema, { maxItems: 100, uniqueItems: true }),
  },
  { additionalProperties: false },
);
const GrantsSchema = Type.Array(GrantSchema, { maxItems: 50 });

/** A process as the API shows it. */
export const ProcessSchema = Type.Object(
  {
    key: Type.String(),
    title: TitleSchema,
    owners: Type.Array(Type.String(), { description: 'User ids of the process owners.' }),
    grants: Type.Array(GrantSchema, { description: 'Per-process roles granted to users and groups.' }),
    agentGroups: Type.Array(Type.String(), { description: 'Groups whose agents work the process (derived).' }),
    retired: Type.Boolean(),
    audience: AudienceSchema,
    latestVersion: Type.Union([Type.Integer(), Type.Null()], { description: 'Newest published version.' }),
    myRoles: Type.Array(Type.String(), { description: "The caller's roles in the process." }),
    canEdit: Type.Boolean({ description: 'May the caller edit the process and its definitions?' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    rev: Type.Integer(),
  },
  { additionalProperties: false, title: 'Process' },
);
export type ProcessView = Static<typeof ProcessSchema>;

/** The API view of a process for the caller. */
export async function processView(
  platform: Platform,
  user: AuthenticatedUser,
  process: ProcessDocument,
): Promise<ProcessView> {
  const access = processAccess(process);
  return {
    key: process._id,
    title: process.title,
    owners: process.owners,
    grants: process.grants,
    agentGroups: [...access.agentGroups],
    retired: process.retired,
    audience: audienceOf(process),
    latestVersion: (await platform.definitions.latest(process._id))?.version ?? null,
    myRoles: processRolesOf(user, process),
    canEdit: canEditProcess(user, access),
    createdAt: process.createdAt.toISOString(),
    updatedAt: process.updatedAt.toISOString(),
    rev: process.rev,
  };
}

/** 400 unless every user and group named exists. */
async function checkPeople(platform: Platform, owners: readonly string[] | undefined, grants?: ProcessGrant[]) {
  const errors: FieldError[] = [];
  for (const [i, id] of (owners ?? []).entries()) {
    if (!(await platform.users.byId(id)))
      errors.push(fieldError('INVALID_VALUE', `/owners/${i}`, `No user ${id}.`, 'body'));
  }
  for (const [g, grant] of (grants ?? []).entries()) {
    for (const [i, id] of grant.users.entries()) {
      if (!(await platform.users.byId(id)))
        errors.push(fieldError('INVALID_VALUE', `/grants/${g}/users/${i}`, `No user ${id}.`, 'body'));
    }
    const unknown = await platform.groups.unknown(grant.groups);
    for (const id of unknown) {
      errors.push(
        fieldError('INVALID_VALUE', `/grants/${g}/groups/${grant.groups.indexOf(id)}`, `No group ${id}.`, 'body'),
      );
    }
  }
  const roles = (grants ?? []).map((grant) => grant.role);
  roles.forEach((role, i) => {
    if (roles.indexOf(role) !== i)
      errors.push(fieldError('INVALID_VALUE', `/grants/${i}/role`, `Role ${role} twice.`, 'body'));
  });
  if (errors.length > 0) throw new ProblemError('VALIDATION_FAILED', errors[0]!.message, { errors });
}

/**
 * `/api/processes`: process settings. An admin creates a process and names its owners; owners
 * (and admin) grant the process's roles to users and groups and retire it. Callers see the
 * processes they have a role in; others answer 404.
 */
export const processRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const platform = app.platform;
  const { processes } = platform;
  const tags = ['processes'];
  const security = SIGNED_IN;

  app.get(
    '/processes',
    {
      preHandler: requireUser,
      schema: {
        tags,
        security,
        summary: 'List the processes the caller has a role in',
        response: { 200: Type.Object({ items: Type.Array(ProcessSchema) }, { additionalProperties: false }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const visible = (await processes.list()).filter((process) => canSeeProcess(user, process));
      return { items: await Promise.all(visible.map((process) => processView(platform, user, process))) };
    },
  );

  app.post(
    '/processes',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags,
        security,
        summary: 'Create a process and name its owners (admin)',
        body: Type.Object(
          {
            key: ProcessKeySchema,
            title: TitleSchema,
            owners: Type.Array(UserIdSchema, { minItems: 1, maxItems: 100, uniqueItems: true }),
            grants: Type.Optional(GrantsSchema),
            audience: Type.Optional(AudienceSchema),
          },
          { additionalProperties: false },
        ),
        response: { 201: ProcessSchema },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { key, title, owners, grants = [], audience } = request.body;
      await checkPeople(platform, owners, grants);
      await assertAudienceGroupsExist(platform.groups, audience);
      try {
        const process = await processes.create(
          key,
          { title, owners, grants, ...(audience ? { audience } : {}) },
          user.id,
        );
        return reply
          .code(201)
          .header('etag', `"${process.rev}"`)
          .send(await processView(platform, user, process));
      } catch (error) {
        if (error instanceof ProcessConflictError) throw new ProblemError('CONFLICT', error.message);
        throw error;
      }
    },
  );

  app.get(
    '/processes/:key',
    { schema: { tags, security, summary: 'Fetch a process', params: KeyParams, response: { 200: ProcessSchema } } },
    async (request, reply) => {
      const { user, process } = await visibleProcess(processes, request, request.params.key);
      return reply.header('etag', `"${process.rev}"`).send(await processView(platform, user, process));
    },
  );

  app.patch(
    '/processes/:key',
    {
      schema: {
        tags,
        security,
        summary: 'Change a process: grants and portal audience (owners, admin); title and owners (admin)',
        params: KeyParams,
        headers: IfMatchHeaders,
        body: Type.Object(
          {
            title: Type.Optional(TitleSchema),
            owners: Type.Optional(Type.Array(UserIdSchema, { minItems: 1, maxItems: 100, uniqueItems: true })),
            grants: Type.Optional(GrantsSchema),
            audience: Type.Optional(AudienceSchema),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ProcessSchema },
      },
    },
    async (request, reply) => {
      const { user, process } = await editableProcess(processes, request, request.params.key);
      const { title, owners, grants, audience } = request.body;
      if ((title !== undefined || owners !== undefined) && !user.roles.includes('admin')) {
        throw new ProblemError('FORBIDDEN', 'Only an admin may change the title or the owners of a process.');
      }
      const expected = ifMatchRevision(request.headers['if-match']);
      if (expected !== undefined && expected !== process.rev) {
        throw new ProblemError('PRECONDITION_FAILED', `Process ${process._id} is at revision ${process.rev}.`);
      }
      await checkPeople(platform, owners, grants);
      await assertAudienceGroupsExist(platform.groups, audience);
      const changes: ProcessChanges = {};
      if (title) changes.title = title;
      if (owners) changes.owners = owners;
      if (grants) changes.grants = grants;
      if (audience) changes.audience = audience;
      const updated = await update(process, changes);
      return reply.header('etag', `"${updated.rev}"`).send(await processView(platform, user, updated));
    },
  );

  app.post(
    '/processes/:key/retire',
    {
      schema: {
        tags,
        security,
        summary: 'Retire a process: no new records start; its versions stay readable',
        params: KeyParams,
        response: { 200: ProcessSchema },
      },
    },
    async (request) => {
      const { user, process } = await editableProcess(processes, request, request.params.key);
      const updated = process.retired ? process : await update(process, { retired: true });
      return processView(platform, user, updated);
    },
  );

  async function update(process: ProcessDocument, changes: ProcessChanges): Promise<ProcessDocument> {
    try {
      return await processes.update(process, changes);
    } catch (error) {
      if (error instanceof ProcessConflictError) throw new ProblemError('PRECONDITION_FAILED', error.message);
      throw error;
    }
  }
};
