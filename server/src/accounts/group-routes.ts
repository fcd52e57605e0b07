import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { requireRole } from '../auth/authorize.ts';
import type { GroupDocument } from '@clauseflow/application';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { GroupIdSchema } from '@clauseflow/application';
import { fieldError, ProblemError } from '../errors/problem-error.ts';

const LocalizedTextSchema = Type.Object(
  { en: Type.String({ minLength: 1, maxLength: 200 }), zh: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

const GroupSchema = Type.Object(
  {
    id: Type.String(),
    name: LocalizedTextSchema,
    members: Type.Array(Type.String(), { description: 'User ids.' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'Group' },
);

const IdParams = Type.Object({ id: GroupIdSchema }, { additionalProperties: false });

const UserIdSchema = Type.String({ pattern: '^u_[0-9a-f]{24}$' });

/** `/api/groups`: admin-only groups and their membership (stored on the users). */
export const groupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { users, groups } = app.platform;
  const tags = ['admin'];
  const security = SIGNED_IN;
  app.addHook('preHandler', requireRole('admin'));

  async function view(group: GroupDocument): Promise<Static<typeof GroupSchema>> {
    const members = await users.members(group._id);
    return {
      id: group._id,
      name: group.name,
      members: members.map((user) => user._id),
      createdAt: group.createdAt.toISOString(),
    };
  }

  app.get(
    '/groups',
    {
      schema: {
        tags,
        security,
        summary: 'List groups with their members',
        response: { 200: Type.Object({ items: Type.Array(GroupSchema) }, { additionalProperties: false }) },
      },
    },
    async () => ({ items: await Promise.all((await groups.list()).map(view)) }),
  );

  app.post(
    '/groups',
    {
      schema: {
        tags,
        security,
        summary: 'Create a group',
        body: Type.Object({ id: GroupIdSchema, name: LocalizedTextSchema }, { additionalProperties: false }),
        response: { 201: GroupSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await view(await groups.create(request.body.id, request.body.name))),
  );

  app.get(
    '/groups/:id',
    { schema: { tags, security, summary: 'Fetch a group', params: IdParams, response: { 200: GroupSchema } } },
    async (request) => {
      const group = await groups.byId(request.params.id);
      if (!group) throw new ProblemError('NOT_FOUND', `No group ${request.params.id}.`);
      return view(group);
    },
  );

  app.put(
    '/groups/:id/members',
    {
      schema: {
        tags,
        security,
        summary: 'Set the members of a group',
        params: IdParams,
        body: Type.Object(
          { members: Type.Array(UserIdSchema, { maxItems: 10_000, uniqueItems: true }) },
          { additionalProperties: false },
        ),
        response: { 200: GroupSchema },
      },
    },
    async (request) => {
      const group = await groups.byId(request.params.id);
      if (!group) throw new ProblemError('NOT_FOUND', `No group ${request.params.id}.`);
      const wanted = request.body.members;
      const found = await Promise.all(wanted.map((id) => users.byId(id)));
      const missing = wanted.filter((_id, index) => !found[index]);
      if (missing.length > 0) {
        throw new ProblemError('VALIDATION_FAILED', `Unknown users: ${missing.join(', ')}.`, {
          errors: missing.map((id) =>
            fieldError('INVALID_VALUE', `/members/${wanted.indexOf(id)}`, `No user ${id}.`, 'body'),
          ),
        });
      }
      const current = await users.members(group._id);
      for (const user of current) {
        if (!wanted.includes(user._id)) {
          await users.update(user._id, { groups: user.groups.filter((id) => id !== group._id) });
        }
      }
      for (const user of found) {
        if (user && !user.groups.includes(group._id))
          await users.update(user._id, { groups: [...user.groups, group._id] });
      }
      return view(group);
    },
  );
};
