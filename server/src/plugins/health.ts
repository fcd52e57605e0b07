import type { FastifyPluginAsync } from 'fastify';
import type { Health } from '@clauseflow/application';

/** What `GET /health` answers. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  db: { ok: boolean; latencyMs: number; error?: string };
}

const healthResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'db'],
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded'] },
    db: {
      type: 'object',
      additionalProperties: false,
      required: ['ok', 'latencyMs'],
      properties: { ok: { type: 'boolean' }, latencyMs: { type: 'number' }, error: { type: 'string' } },
    },
  },
} as const;

/** `GET /health`: liveness plus the application's measured database round trip. */
export const healthPlugin: FastifyPluginAsync<{ health: Health }> = async (app, { health }) => {
  app.get(
    '/health',
    { schema: { response: { 200: healthResponse, 503: healthResponse } } },
    async (_request, reply) => {
      const db = await health.database();
      const report: HealthReport = { status: db.ok ? 'ok' : 'degraded', db };
      return db.ok ? report : reply.code(503).send(report);
    },
  );
};
