import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const ReadySchema = Type.Object(
  { status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]), detail: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

/** `GET /ready`: 200 when the database answers a ping, else 503 (for load balancers and orchestrators). */
export const readyPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { clauseflow } = app.platform;
  app.get(
    '/ready',
    {
      config: { rateLimit: false },
      schema: { tags: ['operations'], summary: 'Readiness', response: { 200: ReadySchema, 503: ReadySchema } },
    },
    async (_request, reply) => {
      const db = await clauseflow.health.database();
      if (db.ok) return { status: 'ready' as const };
      return reply.code(503).send({ status: 'unavailable' as const, ...(db.error ? { detail: db.error } : {}) });
    },
  );
};
