import type { FastifyInstance } from 'fastify';
import type { Definition } from '@clauseflow/definition';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import type { PlatformRole } from '@clauseflow/application';

/** The callers of the access matrix. */
export const PARTIES = ['admin', 'owner', 'agent', 'otherAgent', 'requester', 'otherRequester'] as const;
export type Party = (typeof PARTIES)[number];

/** A seeded caller: user id and the headers of a bearer-token request. */
export interface Caller {
  id: string;
  headers: Record<string, string>;
}

const SEED: Record<Party, { roles: PlatformRole[]; groups: string[] }> = {
  admin: { roles: ['admin'], groups: [] },
  owner: { roles: ['process-owner'], groups: [] },
  agent: { roles: ['agent'], groups: ['desk'] },
  otherAgent: { roles: ['agent'], groups: ['field'] },
  requester: { roles: ['requester'], groups: ['staff'] },
  otherRequester: { roles: ['requester'], groups: ['staff'] },
};

/** The incident example definition (the definition package's). */
export const INCIDENT = incident as unknown as Definition;

/**
 * Seeds the callers (each with an API token; usernames start with `prefix`), groups `desk`
 * (agents of the incident process), `field` (agents of another process) and `staff` (may raise
 * incidents), the incident process settings (key `processKey`, default `incident`) owned by
 * `owner`, and publishes the incident definition under that key.
 */
export async function seedRecordWorld(
  app: FastifyInstance,
  options: { prefix?: string; processKey?: string } = {},
): Promise<Record<Party, Caller>> {
  const prefix = options.prefix ?? '';
  const key = options.processKey ?? 'incident';
  const { users, groups, apiTokens, records } = app.platform;
  await records.init();
  for (const group of ['desk', 'field', 'staff']) {
    if (!(await groups.byId(group))) await groups.create(group, { en: group, zh: group });
  }
  const callers = {} as Record<Party, Caller>;
  for (const party of PARTIES) {
    const user = await users.create({
      username: `${prefix}${party.toLowerCase()}`,
      displayName: party,
      password: `${party}-password`,
      roles: SEED[party].roles,
      groups: SEED[party].groups,
    });
    const { secret } = await apiTokens.create({ name: party, userId: user._id, createdBy: user._id });
    callers[party] = { id: user._id, headers: { authorization: `Bearer ${secret}` } };
  }
  if (!(await records.processes.byKey(key))) {
    await records.processes.create(
      key,
      {
        title: { en: 'Incident', zh: '事件' },
        owners: [callers.owner.id],
        grants: [
          { role: 'agent', users: [], groups: ['desk'] },
          { role: 'requester', users: [], groups: ['staff'] },
        ],
      },
      callers.admin.id,
    );
    await records.processes.create(
      `${prefix}field-work`,
      {
        title: { en: 'Field work', zh: '现场工作' },
        owners: [],
        grants: [{ role: 'agent', users: [], groups: ['field'] }],
      },
      callers.admin.id,
    );
  }
  if (!(await records.engine.definitions.latest(key))) {
    await records.engine.definitions.publish({ ...INCIDENT, key }, callers.owner.id, app.platform.now());
  }
  return callers;
}

/** A valid start of an incident. */
export function incidentData(title = 'Mail is down'): Record<string, unknown> {
  return { title, impact: 'medium', urgency: 'medium' };
}

/** A valid triage (`accept`) payload. */
export const TRIAGE = { category: 'software', impact: 'medium', urgency: 'medium' };
