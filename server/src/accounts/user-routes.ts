import { ifMatchRevision } from '../processes/process-schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser, requireRole } from '../auth/authorize.ts';
import { SIGNED_IN } from '../auth/signed-in.ts';
import {
  GroupIdSchema,
  LocaleSchema,
  PlatformRoleSchema,
  UsernameSchema,
  UserViewSchema,
} from '@clauseflow/application';
import { userView } from '@clauseflow/application';
import { fieldError, ProblemError } from '../errors/problem-error.ts';
import { PasswordSchema } from './session-routes.ts';

const IdParams = Type.Object({ id: Type.String({ pattern: '^u_[0-9a-f]{24}$' }) }, { additionalProperties: false });

const CreateUserSchema = Type.Object(
  {
    username: UsernameSchema,
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    password: PasswordSchema,
    roles: Type.Array(PlatformRoleSchema, { maxItems: 4 }),
    groups: Type.Optional(Type.Array(GroupIdSchema, { maxItems: 100 })),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);

const UpdateUserSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    password: Type.Optional(PasswordSchema),
    roles: Type.Optional(Type.Array(PlatformRoleSchema, { maxItems: 4 })),
    groups: Type.Optional(Type.Array(GroupIdSchema, { maxItems: 100 })),
    locale: Type.Optional(LocaleSchema),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The ETag from GET; a stale one answers 412.' })),
});

/** `/api/users`: admin-only account management. */
export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { users, groups, sessions } = app.platform;
  const tags = ['admin'];
  const security = SIGNED_IN;
  app.addHook('preHandler', requireRole('admin'));

  async function checkGroups(ids: readonly string[] | undefined): Promise<void> {
    const unknown = await groups.unknown(ids ?? []);
    if (unknown.length > 0) {
      throw new ProblemError('VALIDATION_FAILED', `Unknown groups: ${unknown.join(', ')}.`, {
        errors: unknown.map((id) =>
          fieldError('INVALID_VALUE', `/groups/${(ids ?? []).indexOf(id)}`, `No group "${id}".`, 'body'),
        ),
      });
    }
  }

  app.get(
    '/users',
    {
      schema: {
        tags,
        security,
        summary: 'List users',
        response: { 200: Type.Object({ items: Type.Array(UserViewSchema) }, { additionalProperties: false }) },
      },
    },
    async () => ({ items: (await users.list()).map(userView) }),
  );

  app.post(
    '/users',
    { schema: { tags, security, summary: 'Create a user', body: CreateUserSchema, response: { 201: UserViewSchema } } },
    async (request, reply) => {
      await checkGroups(request.body.groups);
      const user = await users.create(request.body);
      return reply.code(201).header('etag', `"${user.version}"`).send(userView(user));
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags, security, summary: 'Fetch a user', params: IdParams, response: { 200: UserViewSchema } } },
    async (request, reply) => {
      const user = await users.byId(request.params.id);
      if (!user) throw new ProblemError('NOT_FOUND', `No user ${request.params.id}.`);
      return reply.header('etag', `"${user.version}"`).send(userView(user));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change a user’s name, password, roles, groups, locale or disabled flag',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateUserSchema,
        response: { 200: UserViewSchema },
      },
    },
    async (request, reply) => {
      const caller = currentUser(request);
      const { id } = request.params;
      if (
        id === caller.id &&
        (request.body.disabled === true || (request.body.roles && !request.body.roles.includes('admin')))
      ) {
        throw new ProblemError('CONFLICT', 'You cannot disable yourself or remove your own admin role.');
      }
      await checkGroups(request.body.groups);
      const expected = ifMatchRevision(request.headers['if-match']);
      if (expected !== undefined && !Number.isSafeInteger(expected)) {
        throw new ProblemError('PRECONDITION_FAILED', 'If-Match must be a version ETag from GET, such as "2".');
      }
      const user = await users.update(id, request.body, expected);
      if (request.body.disabled === true || request.body.password !== undefined) await sessions.deleteForUser(id);
      return reply.header('etag', `"${user.version}"`).send(userView(user));
    },
  );
};
