import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, sessionChanged, unwrap, type User } from '../api/client.ts';
import { changeLanguage, languageFor } from '../app/i18n.ts';

/** The signed-in user (null when signed out). */
export type Session = { user: User; csrfToken?: string } | null;

export const SESSION_KEY = ['session'] as const;

/** Why the last session ended, until the next one starts: the sign-in page says so. */
let ended: 'expired' | 'signed-out' | undefined;

/** Applies a session: its CSRF token and the user's language. */
async function adopt(session: Session): Promise<Session> {
  sessionChanged(session?.csrfToken);
  if (session) ended = undefined;
  if (session) await changeLanguage(languageFor(session.user));
  return session;
}

/** Reads the session (`GET /api/session`); a 401 means signed out. */
export async function fetchSession(): Promise<Session> {
  try {
    const body = await unwrap(api.GET('/api/session'));
    return adopt({ user: body.user, ...(body.csrfToken ? { csrfToken: body.csrfToken } : {}) });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return adopt(null);
    throw error;
  }
}

/** The current session, read once and kept until sign-in, sign-out or a 401 changes it. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/** Forgets the session and every cached server datum (another user must not see them). */
export function endSession(client: QueryClient): void {
  sessionChanged(undefined);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  client.setQueryData(SESSION_KEY, null);
}

/** Signs in (`POST /api/session`); the cookie is set by the server. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { username: string; password: string }) => {
      const session = await unwrap(api.POST('/api/session', { body }));
      return adopt({ user: session.user, ...(session.csrfToken ? { csrfToken: session.csrfToken } : {}) });
    },
    onSuccess: (session) => client.setQueryData(SESSION_KEY, session),
  });
}

/** Signs out (`DELETE /api/session`); the local session ends even when the server's already had. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { response } = await api.DELETE('/api/session');
      if (!response.ok && response.status !== 401) throw new ApiError(response.status, undefined);
    },
    onSettled: () => {
      ended = 'signed-out';
      endSession(client);
    },
  });
}

/** Notes that the server ended the session (a 401), so sign-in can say so. */
export function markSessionExpired(): void {
  if (ended !== 'signed-out') ended = 'expired';
}

/** Why the last session ended (cleared by the next sign-in). */
export function sessionEnded(): typeof ended {
  return ended;
}
