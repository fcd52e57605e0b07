import { SHIPPED_TEMPLATES_DIR } from '@clauseflow/catalog';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Definition } from '@clauseflow/definition';
import { seedUser, signIn, type SignedIn } from '../test-support/test-app.ts';

/** The callers of the access-control matrix. */
export const CALLERS = ['admin', 'owner', 'agent', 'otherAgent', 'requester', 'otherRequester'] as const;
export type Caller = (typeof CALLERS)[number];

/** Signed-in callers and their user ids. */
export interface Cast {
  who: Record<Caller, SignedIn>;
  ids: Record<Caller, string>;
}

/**
 * Seeds the cast: an admin, a process owner, an agent of group `desk` (which works the test
 * process), an agent of group `other`, and two requesters; signs each in.
 */
export async function seedCast(app: FastifyInstance): Promise<Cast> {
  await app.platform.groups.create('desk', { en: 'Service desk', zh: '服务台' });
  await app.platform.groups.create('other', { en: 'Other team', zh: '其他团队' });
  const ids = {
    admin: await seedUser(app, 'admin', ['admin']),
    owner: await seedUser(app, 'owner', ['process-owner']),
    agent: await seedUser(app, 'agent', ['agent'], ['desk']),
    otherAgent: await seedUser(app, 'other-agent', ['agent'], ['other']),
    requester: await seedUser(app, 'requester', ['requester']),
    otherRequester: await seedUser(app, 'other-requester', ['requester']),
  } satisfies Record<Caller, string>;
  const names: Record<Caller, string> = {
    admin: 'admin',
    owner: 'owner',
    agent: 'agent',
    otherAgent: 'other-agent',
    requester: 'requester',
    otherRequester: 'other-requester',
  };
  const who = {} as Record<Caller, SignedIn>;
  for (const caller of CALLERS) who[caller] = await signIn(app, names[caller], `${names[caller]}-password`);
  return { who, ids };
}

/** The shipped incident template, as a fresh copy. */
export function incidentTemplate(): Definition {
  const url = new URL('incident/definition.json', SHIPPED_TEMPLATES_DIR);
  return JSON.parse(readFileSync(url, 'utf8')) as Definition;
}

/**
 * The incident template with the `escalation` tag taken off its transitions: it still validates and
 * still claims 8.6.1.c, but no longer meets it (each open state fails, pointing into `/transitions`).
 */
export function incidentWithoutEscalation(): Definition {
  const template = incidentTemplate();
  for (const t of template.transitions) {
    if (t.tags) t.tags = t.tags.filter((tag) => tag !== 'escalation');
  }
  return template;
}

/** The incident template re-keyed as an ordinary (not tailored) definition of process `key`. */
export function incidentDefinition(key: string): Definition {
  return { ...incidentTemplate(), key, version: 1 };
}
