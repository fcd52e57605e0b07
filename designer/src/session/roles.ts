import type { User } from '../api/client.ts';

/** The app's areas, each a lazily loaded chunk, and the platform role that opens it. */
export const AREAS = [
  { key: 'console', path: '/console', role: 'admin' },
  { key: 'designer', path: '/designer', role: 'process-owner' },
  { key: 'workspace', path: '/workspace', role: 'agent' },
  { key: 'portal', path: '/portal', role: 'requester' },
] as const satisfies readonly { key: string; path: string; role: User['roles'][number] }[];

export type Area = (typeof AREAS)[number];

/** The areas a user may open, in navigation order. */
export function areasOf(user: Pick<User, 'roles'>): Area[] {
  return AREAS.filter((area) => user.roles.includes(area.role));
}
