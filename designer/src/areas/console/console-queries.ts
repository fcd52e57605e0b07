import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Group, type User } from '../../api/client.ts';

const USERS = ['console', 'users'] as const;
const GROUPS = ['console', 'groups'] as const;
const TOKENS = ['console', 'api-tokens'] as const;

/** Every user (`GET /api/users`). */
export function useUsers() {
  return useQuery({ queryKey: USERS, queryFn: async () => (await unwrap(api.GET('/api/users'))).items });
}

/** Every group with its members (`GET /api/groups`). */
export function useGroups() {
  return useQuery({ queryKey: GROUPS, queryFn: async () => (await unwrap(api.GET('/api/groups'))).items });
}

/** Users and groups both change when membership changes (it is stored on the users). */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([client.invalidateQueries({ queryKey: USERS }), client.invalidateQueries({ queryKey: GROUPS })]);
}

export type NewUser = {
  username: string;
  displayName: string;
  password: string;
  roles: User['roles'];
  groups: string[];
  locale: User['locale'];
};
export type UserChange = Partial<Pick<User, 'displayName' | 'roles' | 'groups' | 'locale' | 'disabled'>> & {
  password?: string;
};

/** Creates a user (`POST /api/users`). */
export function useCreateUser() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: NewUser) => unwrap(api.POST('/api/users', { body })),
    onSuccess: refresh,
  });
}

/** Changes a user (`PATCH /api/users/{id}`). */
export function useUpdateUser() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UserChange }) =>
      unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: change })),
    onSuccess: refresh,
  });
}

/** Creates a group (`POST /api/groups`). */
export function useCreateGroup() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { id: string; name: Group['name'] }) => unwrap(api.POST('/api/groups', { body })),
    onSuccess: refresh,
  });
}

/** Sets a group's members (`PUT /api/groups/{id}/members`). */
export function useSetMembers() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, members }: { id: string; members: string[] }) =>
      unwrap(api.PUT('/api/groups/{id}/members', { params: { path: { id } }, body: { members } })),
    onSuccess: refresh,
  });
}

/** Every API token, never their secrets (`GET /api/api-tokens`). */
export function useApiTokens() {
  return useQuery({ queryKey: TOKENS, queryFn: async () => (await unwrap(api.GET('/api/api-tokens'))).items });
}

/** Creates an API token (`POST /api/api-tokens`); the answer holds the secret, once. */
export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; userId?: string; expiresAt?: string }) =>
      unwrap(api.POST('/api/api-tokens', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS }),
  });
}

/** Revokes an API token (`DELETE /api/api-tokens/{id}`). */
export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/api-tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS }),
  });
}
