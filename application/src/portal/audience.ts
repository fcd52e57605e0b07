import { Type } from 'typebox';
import { GroupIdSchema, PlatformRoleSchema, type AuthenticatedUser, type PlatformRole } from '../accounts/roles.ts';
import { fieldIssue, DomainError } from '@clauseflow/common';

/**
 * Whom a process's catalogue entry is meant for (ISO/IEC 20000-1 8.2.4): platform roles and/or
 * organizations. Organizations are groups (an admin creates one group per customer organization
 * or department and adds its people), so no new user attribute is needed. An empty list does
 * not restrict; both lists given means a viewer must match both.
 */
export interface ProcessAudience {
  roles: PlatformRole[];
  /** Group ids standing for organizations. */
  organizations: string[];
}

/** An audience that restricts nothing: everyone the process's grants let start it. */
export const EVERYONE: ProcessAudience = { roles: [], organizations: [] };

/** TypeBox schema of an audience (process settings and their API). */
export const AudienceSchema = Type.Object(
  {
    roles: Type.Array(PlatformRoleSchema, {
      maxItems: 4,
      uniqueItems: true,
      description: 'Platform roles the entry is shown to (empty: any role).',
    }),
    organizations: Type.Array(GroupIdSchema, {
      maxItems: 100,
      uniqueItems: true,
      description: 'Groups standing for organizations the entry is shown to (empty: any organization).',
    }),
  },
  { additionalProperties: false, title: 'ProcessAudience' },
);

/** The audience of a process's settings (EVERYONE when none was set). */
export function audienceOf(settings: { audience?: ProcessAudience | undefined }): ProcessAudience {
  return settings.audience ?? EVERYONE;
}

/** Does the viewer belong to the audience? They hold one of its roles (if any) and belong to one of its organizations (if any). */
export function inAudience(user: Pick<AuthenticatedUser, 'roles' | 'groups'>, audience: ProcessAudience): boolean {
  const roleMatches = audience.roles.length === 0 || audience.roles.some((role) => user.roles.includes(role));
  const organizationMatches =
    audience.organizations.length === 0 || audience.organizations.some((group) => user.groups.includes(group));
  return roleMatches && organizationMatches;
}

/** 400 VALIDATION_FAILED unless every organization the audience names is a group. */
export async function assertAudienceGroupsExist(
  groups: { unknown(ids: readonly string[]): Promise<string[]> },
  audience: ProcessAudience | undefined,
): Promise<void> {
  if (!audience) return;
  const unknown = await groups.unknown(audience.organizations);
  if (unknown.length === 0) return;
  const errors = unknown.map((id) =>
    fieldIssue(
      'INVALID_VALUE',
      `/audience/organizations/${audience.organizations.indexOf(id)}`,
      `No group ${id}.`,
      'body',
    ),
  );
  throw new DomainError('VALIDATION_FAILED', errors[0]!.message, { errors });
}
