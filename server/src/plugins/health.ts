import type { FastifyPluginAsync } from 'fastify';
import type { Db } from 'mongodb';

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

/** `GET /health`: liveness plus a measured database round-trip (a `ping` command). */
export const healthPlugin: FastifyPluginAsync<{ db: Db; now?: () => number }> = async (app, { db, now }) => {
  const clock = now ?? (() => performance.now());
  app.get(
    '/health',
    { schema: { response: { 200: healthResponse, 503: healthResponse } } },
    async (_request, reply) => {
      const started = clock();
      try {
        await db.command({ ping: 1 }, { timeoutMS: 2_000 });
        const report: HealthReport = { status: 'ok', db: { ok: true, latencyMs: round(clock() - started) } };
        return report;
      } catch (error) {
        const report: HealthReport = {
          status: 'degraded',
          db: { ok: false, latencyMs: round(clock() - started), error: (error as Error).message },
        };
        return reply.code(503).send(report);
      }
    },
  );
};

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
