import { Type, type Static } from 'typebox';

/** The platform roles. Per-process roles are granted through groups (see record-access.ts). */
export const PLATFORM_ROLES = ['admin', 'process-owner', 'agent', 'requester'] as const;

/** A platform role. */
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** The product languages. */
export const LOCALES = ['en', 'zh'] as const;

/** A product language. */
export type Locale = (typeof LOCALES)[number];

/** TypeBox schema of a platform role. */
export const PlatformRoleSchema = Type.Enum(PLATFORM_ROLES);

/** TypeBox schema of a locale. */
export const LocaleSchema = Type.Enum(LOCALES);

/** A username: lower-case letters, digits and `-_` (no `$` or `.`, so it is safe as a key and in filters). */
export const UsernameSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{1,62}$' });

/** A group id: the same alphabet as usernames. */
export const GroupIdSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{1,62}$' });

/** The signed-in caller as routes see it (`request.user`). */
export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  roles: PlatformRole[];
  groups: string[];
  locale: Locale;
  /** How the request was authenticated. */
  via: 'session' | 'token';
  /** The session's CSRF token (cookie-authenticated requests only). */
  csrfToken?: string;
}

/** TypeBox schema of a user as the API shows it. */
export const UserViewSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(PlatformRoleSchema),
    groups: Type.Array(Type.String()),
    locale: LocaleSchema,
    disabled: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'User' },
);

/** A user as the API shows it (never the password hash). */
export type UserView = Static<typeof UserViewSchema>;
