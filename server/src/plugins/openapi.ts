import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { PROBLEM_CODES } from '../errors/problem-codes.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './authentication.ts';

function problemCodeTable(): string {
  const rows = Object.entries(PROBLEM_CODES).map(
    ([code, entry]) => `| \`${code}\` | ${entry.status} | ${entry.description.en} | ${entry.description.zh} |`,
  );
  return ['| code | status | meaning | 说明 |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * The OpenAPI 3.1 document at `GET /openapi.json`, built from every route's schema, and the
 * interactive docs at `/docs`. Register it before the routes it documents.
 */
const openapi: FastifyPluginAsync = async (app) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ClauseFlow API',
        version: '0.1.0',
        description: [
          'Low-code ITSM workflows that conform to ISO/IEC 20000-1:2018.',
          '',
          `Sign in with \`POST /api/session\` (cookie \`${SESSION_COOKIE}\`; send the returned \`csrfToken\` in \`${CSRF_HEADER}\` on writes) or send \`Authorization: Bearer <API token>\`.`,
          '',
          'Errors are RFC 9457 `application/problem+json` with one of these codes (the `type` is `urn:clauseflow:problem:<code in kebab-case>`):',
          '',
          problemCodeTable(),
        ].join('\n'),
      },
      tags: [
        { name: 'session', description: 'Sign-in and first-run setup' },
        { name: 'admin', description: 'Users, groups and API tokens (admin only)' },
        { name: 'operations', description: 'Health, readiness and metrics' },
      ],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token created by an admin.' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true }, config: { rateLimit: false } }, async () => app.swagger());
};

/** The OpenAPI plugin (not encapsulated: it must see every route). */
export const openapiPlugin = fp(openapi, { name: 'clauseflow-openapi' });
