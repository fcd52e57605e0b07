import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser, requireRole } from '../auth/authorize.ts';
import type { ApiTokenDocument } from '@clauseflow/application';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { fieldError, ProblemError } from '../errors/problem-error.ts';

const ApiTokenSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    userId: Type.String({ description: 'The user the token acts as.' }),
    createdBy: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false, title: 'ApiToken' },
);

function view(token: ApiTokenDocument) {
  return {
    id: token._id,
    name: token.name,
    userId: token.userId,
    createdBy: token.createdBy,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

/** `/api/api-tokens`: bearer tokens for scripts; an admin creates (secret shown once), lists and revokes them. */
export const apiTokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { users, apiTokens } = app.platform;
  const tags = ['admin'];
  const security = SIGNED_IN;
  app.addHook('preHandler', requireRole('admin'));

  app.get(
    '/api-tokens',
    {
      schema: {
        tags,
        security,
        summary: 'List API tokens (never their secrets)',
        response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }, { additionalProperties: false }) },
      },
    },
    async () => ({ items: (await apiTokens.list()).map(view) }),
  );

  app.post(
    '/api-tokens',
    {
      schema: {
        tags,
        security,
        summary: 'Create an API token; the secret is in this response only',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            userId: Type.Optional(Type.String({ pattern: '^u_[0-9a-f]{24}$', description: 'Defaults to the caller.' })),
            expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ token: ApiTokenSchema, secret: Type.String() }, { additionalProperties: false }),
        },
      },
    },
    async (request, reply) => {
      const caller = currentUser(request);
      const userId = request.body.userId ?? caller.id;
      if (!(await users.byId(userId))) {
        throw new ProblemError('VALIDATION_FAILED', `No user ${userId}.`, {
          errors: [fieldError('INVALID_VALUE', '/userId', `No user ${userId}.`, 'body')],
        });
      }
      const { token, secret } = await apiTokens.create({
        name: request.body.name,
        userId,
        createdBy: caller.id,
        expiresAt: request.body.expiresAt ? new Date(request.body.expiresAt) : null,
      });
      return reply.code(201).send({ token: view(token), secret });
    },
  );

  app.delete(
    '/api-tokens/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Revoke an API token',
        params: Type.Object({ id: Type.String({ pattern: '^t_[0-9a-f]{18}$' }) }, { additionalProperties: false }),
        response: { 204: Type.Null({ description: 'Revoked' }) },
      },
    },
    async (request, reply) => {
      await apiTokens.revoke(request.params.id);
      return reply.code(204).send(null);
    },
  );
};
