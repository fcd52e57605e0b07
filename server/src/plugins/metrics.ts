import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemError } from '../errors/problem-error.ts';

/** Whether the request carries the configured metrics token (compared in constant time). */
function hasMetricsToken(request: FastifyRequest, token: string | undefined): boolean {
  const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (token === undefined || sent === undefined) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Records every response in the latency histogram (labelled by route pattern, never by raw URL,
 * so ids do not explode the label space) and serves the registry at `GET /metrics` to a scraper
 * with the metrics token (`CLAUSEFLOW_METRICS_TOKEN`) or a signed-in admin; to no one else.
 */
const metrics: FastifyPluginAsync = async (app) => {
  const { httpRequestDuration, registry } = app.platform.metrics;
  app.addHook('onResponse', async (request, reply) => {
    httpRequestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get(
    '/metrics',
    {
      config: { rateLimit: false, metricsScrape: true },
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (the metrics token as a bearer, or a signed-in admin)',
        produces: ['text/plain'],
        response: {
          200: { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
    },
    async (request, reply) => {
      if (!hasMetricsToken(request, app.platform.config.metricsToken)) {
        if (!request.user) throw new ProblemError('UNAUTHENTICATED', 'Send the metrics token, or sign in as an admin.');
        if (!request.user.roles.includes('admin')) throw new ProblemError('FORBIDDEN', 'Metrics are for admins.');
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
};

/** The metrics plugin (not encapsulated: its hook must see every route). */
export const metricsPlugin = fp(metrics, { name: 'clauseflow-metrics' });
