import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemError, type FieldError } from '../errors/problem-error.ts';
import { PROBLEM_MEDIA_TYPE, problemResponses } from '../errors/problem-schema.ts';
import { problemBody, toProblemError } from '../errors/to-problem.ts';
import { findForbiddenKey, findLoneSurrogate } from '../http/forbidden-keys.ts';

/** Problem statuses every route with a schema documents (added to its `response` schema). */
const COMMON_PROBLEM_STATUSES = [400, 401, 403, 404, 409, 412, 413, 415, 429, 500];

/** Sends `problem` as application/problem+json. */
export function sendProblem(problem: ProblemError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) void reply.header(name, value);
  // Framework errors skip the hooks, so the request id is echoed here too.
  void reply.header('x-request-id', request.id);
  return reply.code(problem.statusCode).type(PROBLEM_MEDIA_TYPE).send(problemBody(problem, request));
}

function routePattern(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * Everything becomes RFC 9457 problem+json: thrown ProblemErrors, Fastify's own errors (bad
 * JSON, body limit, media type, validation), unknown routes (404) and known paths asked with
 * another method (405). JSON is the only body format; `$`/dotted and prototype keys are refused
 * in bodies (while parsing) and query strings (before validation).
 */
/** A string that is not well-formed UTF-16 (a lone surrogate), refused with its place. */
function loneSurrogateProblem(error: FieldError): ProblemError {
  return new ProblemError('VALIDATION_FAILED', `${error.in ?? 'body'} ${error.path}: a lone UTF-16 surrogate.`, {
    errors: [error],
  });
}

/** How unknown paths that a browser navigates to are answered (the web app's own routes). */
export interface ErrorHandlerOptions {
  /** The web app's page for a client-side route, or undefined when there is none (not built). */
  appShell?: () => string | undefined;
}

/** A browser's navigation to a path outside the API: the web app routes it in the page. */
function isPageNavigation(request: FastifyRequest, path: string): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (path === '/api' || path.startsWith('/api/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

const errorHandler: FastifyPluginAsync<ErrorHandlerOptions> = async (app: FastifyInstance, options) => {
  const routes: { pattern: RegExp; methods: string[] }[] = [];

  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = ([] as string[]).concat(route.method);
    if (!route.url.includes('*')) routes.push({ pattern: routePattern(route.url), methods });
    app.platform.routes.push({ methods, url: route.url, hidden: !route.schema || route.schema.hide === true });
    if (route.schema && !route.schema.hide) {
      const response = (route.schema.response ?? {}) as Record<string, unknown>;
      const statuses = COMMON_PROBLEM_STATUSES.filter((status) => !(status in response) && !(`${status}` in response));
      route.schema.response = { ...problemResponses(...statuses), ...response };
    }
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body as string);
    } catch (error) {
      const detail = (body as string).trim() === '' ? 'The body is empty.' : (error as Error).message;
      done(new ProblemError('MALFORMED_JSON', detail), undefined);
      return;
    }
    const forbidden = findForbiddenKey(parsed, 'body');
    if (forbidden) {
      done(new ProblemError(forbidden.code, `Forbidden key at body ${forbidden.path}.`, { errors: [forbidden] }));
      return;
    }
    const surrogate = findLoneSurrogate(parsed, 'body');
    if (surrogate) {
      done(loneSurrogateProblem(surrogate));
      return;
    }
    done(null, parsed);
  });

  app.addHook('preValidation', async (request) => {
    const forbidden = findForbiddenKey(request.query, 'querystring');
    if (forbidden) {
      throw new ProblemError(forbidden.code, `Forbidden key at querystring ${forbidden.path}.`, {
        errors: [forbidden],
      });
    }
    const surrogate = findLoneSurrogate(request.query, 'querystring');
    if (surrogate) throw loneSurrogateProblem(surrogate);
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblemError(error);
    if (problem.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code, detail: problem.message }, 'request refused');
    return sendProblem(problem, request, reply);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = new Set<string>();
    for (const route of routes) if (route.pattern.test(path)) for (const method of route.methods) allowed.add(method);
    if (allowed.size > 0 && !allowed.has(request.method)) {
      const allow = [...allowed].sort().join(', ');
      return sendProblem(
        new ProblemError('METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${path}; use ${allow}.`, {
          headers: { allow },
        }),
        request,
        reply,
      );
    }
    const page = isPageNavigation(request, path) ? options.appShell?.() : undefined;
    if (page !== undefined) {
      return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
    }
    return sendProblem(new ProblemError('NOT_FOUND', `No route ${request.method} ${path}.`), request, reply);
  });
};

/** The error-handling plugin (not encapsulated: it governs the whole app). */
export const errorHandlerPlugin = fp(errorHandler, { name: 'clauseflow-error-handler' });
