import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './openapi-types.ts';

/** Types of the API's named schemas. */
export type Schemas = components['schemas'];
export type User = Schemas['User'];
export type Group = Schemas['Group'];
export type ApiToken = Schemas['ApiToken'];
export type ProblemDetails = Schemas['ProblemDetails'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Calls whose 401 means "wrong credentials", not "your session ended". */
const SIGN_IN_PATHS = new Set(['/api/session', '/api/setup']);

let csrfToken: string | undefined;
let onSessionEnded: (() => void) | undefined;
/** Counts sessions, so a 401 to a request sent during an earlier one cannot end a newer one. */
let generation = 0;
const sentIn = new WeakMap<Request, number>();

/**
 * Keeps the session's CSRF token, which every cookie-authenticated write sends in `x-csrf-token`;
 * called whenever a session starts or ends.
 */
export function sessionChanged(token: string | undefined): void {
  csrfToken = token;
  generation += 1;
}

/** Called when the server answers 401 to a signed-in call (the session expired or was revoked). */
export function setSessionEndedHandler(handler: (() => void) | undefined): void {
  onSessionEnded = handler;
}

const session: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    sentIn.set(request, generation);
    return request;
  },
  onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    const current = sentIn.get(request) === generation;
    if (response.status === 401 && current && !SIGN_IN_PATHS.has(path)) onSessionEnded?.();
    return response;
  },
};

/** The typed client of the server's HTTP API (same origin; the session cookie rides along). */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(session);

/** A refused API call, carrying the server's problem+json. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | undefined,
  ) {
    super(problem ? `${problem.code}: ${problem.detail}` : `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

function isProblem(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}

/**
 * The data of an openapi-fetch result, or an ApiError thrown with its problem, so TanStack
 * Query's `error` is always an ApiError (or a network TypeError).
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, isProblem(error) ? error : undefined);
  return data as T;
}
