import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Platform } from '../platform.ts';
import { ProblemError } from '../errors/problem-error.ts';
import type { AuthenticatedUser } from '@clauseflow/application';
import { userView, type UserDocument } from '@clauseflow/application';

/** The session cookie's name. */
export const SESSION_COOKIE = 'cf_session';

/** The header a cookie-authenticated write must carry. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The authenticated view of a stored user. */
export function authenticatedUser(
  user: UserDocument,
  via: AuthenticatedUser['via'],
  csrfToken?: string,
): AuthenticatedUser {
  const { disabled: _disabled, ...view } = userView(user);
  return { ...(csrfToken ? { csrfToken } : {}), ...view, via };
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Path=/, Secure when configured. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): FastifyReply {
  return reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    expires: expiresAt,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): FastifyReply {
  return reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}

/**
 * Sets `request.user` from a bearer API token (`Authorization: Bearer cft_…`) or the session
 * cookie. A bearer token that is not valid is refused (401) rather than treated as anonymous; an
 * unknown or expired cookie is simply anonymous. Cookie-authenticated unsafe methods need the
 * session's CSRF token in `x-csrf-token`; bearer requests are exempt (browsers never add them).
 */
/** The stores the credentials of a request are checked against. */
type CredentialStores = Pick<Platform, 'users' | 'sessions' | 'apiTokens'>;

/**
 * Whether the credentials a request came with still belong to an enabled user: the session not
 * ended or expired, the API token not revoked. Long-lived responses (the record stream) ask
 * again while they run, so signing out, revoking a token or disabling the user ends them.
 */
export async function stillSignedIn(stores: CredentialStores, request: FastifyRequest): Promise<boolean> {
  const caller = request.user;
  if (!caller) return false;
  let userId: string | undefined;
  if (caller.via === 'token') {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    userId = match?.[1] ? (await stores.apiTokens.find(match[1]))?.userId : undefined;
  } else {
    const cookie = request.cookies[SESSION_COOKIE];
    userId = cookie ? (await stores.sessions.find(cookie))?.userId : undefined;
  }
  if (userId !== caller.id) return false;
  const user = await stores.users.byId(userId);
  return user !== null && !user.disabled;
}

const authentication: FastifyPluginAsync = async (app) => {
  await app.register(fastifyCookie);
  app.decorateRequest('user', null);
  const { users, sessions, apiTokens, config } = app.platform;

  async function resolve(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined && request.routeOptions.config?.metricsScrape === true) return;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const token = match?.[1] ? await apiTokens.find(match[1]) : null;
      const user = token ? await users.byId(token.userId) : null;
      if (!user || user.disabled) {
        throw new ProblemError('UNAUTHENTICATED', 'The API token is not valid (unknown, revoked or expired).');
      }
      request.user = authenticatedUser(user, 'token');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await sessions.find(cookie);
    const user = session ? await users.byId(session.userId) : null;
    if (!session || !user || user.disabled) {
      clearSessionCookie(reply, config.secureCookies);
      return;
    }
    if (!SAFE_METHODS.has(request.method) && request.routeOptions.config?.csrf !== false) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw new ProblemError('CSRF_TOKEN_INVALID', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
      }
    }
    request.user = authenticatedUser(user, 'session', session.csrfToken);
  }

  app.addHook('onRequest', resolve);
};

/** The authentication plugin (not encapsulated: `request.user` exists on every route). */
export const authenticationPlugin = fp(authentication, { name: 'clauseflow-authentication' });
