import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemError } from '../errors/problem-error.ts';
import { rateLimitStore } from './rate-limit-store.ts';

/** The rate-limit key: the user when signed in (their API tokens apart), else the client IP. */
export function rateLimitKey(request: FastifyRequest): string {
  if (!request.user) return `ip:${request.ip}`;
  return request.user.via === 'token' ? `token:${request.user.id}` : `user:${request.user.id}`;
}

/**
 * Rate limiting for every route registered after it: `rateLimitMax` requests per window per
 * user (or per IP when anonymous), `tokenRateLimitMax` for what a user's API tokens send
 * (automation runs faster than people click), counted in MongoDB (`rate_limits`) so several server
 * processes share the counters. Routes tighten it with `config.rateLimit` (sign-in does) or
 * opt out with `config: { rateLimit: false }`.
 */
const rateLimit: FastifyPluginAsync = async (app) => {
  const { config, clauseflow } = app.platform;
  await app.register(fastifyRateLimit, {
    global: true,
    max: (request) => (request.user?.via === 'token' ? config.tokenRateLimitMax : config.rateLimitMax),
    timeWindow: config.rateLimitWindowMs,
    keyGenerator: rateLimitKey,
    store: rateLimitStore(clauseflow.accounts.rateLimits),
    // Only the counting store failing (database down) must not turn every request into a 500.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new ProblemError('RATE_LIMITED', `Too many requests; retry in ${context.after}.`, {
        headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
      }),
  });
};

/** The rate-limit plugin (not encapsulated: it applies to every route registered after it). */
export const rateLimitPlugin = fp(rateLimit, {
  name: 'clauseflow-rate-limit',
  dependencies: ['clauseflow-authentication'],
});
