import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Records every response in the latency histogram (labelled by route pattern, never by raw URL,
 * so ids do not explode the label space) and serves the registry at `GET /metrics`.
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
      config: { rateLimit: false },
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics',
        produces: ['text/plain'],
        response: {
          200: { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
    },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
};

/** The metrics plugin (not encapsulated: its hook must see every route). */
export const metricsPlugin = fp(metrics, { name: 'clauseflow-metrics' });
