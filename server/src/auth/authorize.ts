import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../errors/problem-error.ts';
import type { AuthenticatedUser, PlatformRole } from '@clauseflow/application';

/** The signed-in caller, or UNAUTHENTICATED (401). */
export function currentUser(request: FastifyRequest): AuthenticatedUser {
  if (!request.user) throw new ProblemError('UNAUTHENTICATED', 'Sign in or send an API token.');
  return request.user;
}

/** True when the user has one of the roles; admin has every role. */
export function hasRole(user: AuthenticatedUser, ...roles: PlatformRole[]): boolean {
  return user.roles.includes('admin') || user.roles.some((role) => roles.includes(role));
}

/** A `preHandler` that refuses anonymous callers with 401. */
export async function requireUser(request: FastifyRequest): Promise<void> {
  currentUser(request);
}

/** A `preHandler` that requires one of the roles: 401 when anonymous, 403 when signed in without it. */
export function requireRole(...roles: PlatformRole[]): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const user = currentUser(request);
    if (!hasRole(user, ...roles)) {
      throw new ProblemError('FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}.`);
    }
  };
}
