import { beforeAll, describe, expect, it } from 'vitest';
import { useCastWorld } from '../test-support/test-world.ts';
import { buildCatalogPack } from '@clauseflow/application';
import { CALLERS, incidentDefinition, incidentTemplate, type Caller } from './process-test-fixture.ts';
import { expectProblem } from '../test-support/schema-check.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Who = Caller | 'anonymous';

const PACK = 'clauseflow-iso20000-core';
const CODE_OF: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

/** Expected statuses in the order admin, owner, agent, other agent, requester, other requester, anonymous. */
type Row = [number, number, number, number, number, number, number];

interface Route {
  method: Method;
  route: string;
  url?: string;
  payload?: (who: Who) => unknown;
  headers?: Record<string, string>;
  expect: Row;
}

const EDIT: Row = [200, 200, 403, 404, 403, 404, 401];
const READ: Row = [200, 200, 200, 404, 200, 404, 401];
const ADMIN: Row = [200, 403, 403, 403, 403, 403, 401];
const P = '/api/processes/matrix';

describe('process routes', () => {
  const world = useCastWorld('process_routes');

  const grants = () => [
    { role: 'agent', users: [], groups: ['desk'] },
    { role: 'requester', users: [world.cast.ids.requester], groups: [] },
  ];

  beforeAll(async () => {
    const admin = world.cast.who.admin.headers;
    const created = await world.api.call('POST', '/api/processes', {
      headers: admin,
      payload: { key: 'matrix', title: { en: 'Matrix', zh: '矩阵' }, owners: [world.cast.ids.owner], grants: grants() },
    });
    expect(created.statusCode).toBe(201);
    await world.app.inject({
      method: 'PUT',
      url: `${P}/draft`,
      headers: admin,
      payload: { definition: incidentDefinition('matrix') },
    });
    expect((await world.app.inject({ method: 'POST', url: `${P}/publish`, headers: admin })).statusCode).toBe(201);
    await world.app.inject({
      method: 'POST',
      url: '/api/packs/import?dryRun=false',
      headers: admin,
      payload: buildCatalogPack([incidentTemplate()]),
    });
    const tailored = await world.app.inject({
      method: 'POST',
      url: `/api/catalogue/${PACK}/incident/tailor`,
      headers: admin,
      payload: { key: 'matrix-copy' },
    });
    expect(tailored.statusCode).toBe(201);
  });

  describe('the access-control matrix', () => {
    const ROUTES: Route[] = [
      { method: 'GET', route: '/api/processes', expect: [200, 200, 200, 200, 200, 200, 401] },
      {
        method: 'POST',
        route: '/api/processes',
        payload: (who) => ({
          key: `made-by-${who.toLowerCase()}`,
          title: { en: 'x', zh: '乙' },
          owners: [world.cast.ids.owner],
        }),
        expect: [201, 403, 403, 403, 403, 403, 401],
      },
      { method: 'GET', route: '/api/processes/:key', url: P, expect: READ },
      { method: 'PATCH', route: '/api/processes/:key', url: P, payload: () => ({ grants: grants() }), expect: EDIT },
      { method: 'GET', route: '/api/processes/:key/draft', url: `${P}/draft`, expect: EDIT },
      {
        method: 'PUT',
        route: '/api/processes/:key/draft',
        url: `${P}/draft`,
        payload: () => ({ definition: incidentDefinition('matrix') }),
        expect: EDIT,
      },
      { method: 'POST', route: '/api/processes/:key/draft/validate', url: `${P}/draft/validate`, expect: EDIT },
      {
        method: 'POST',
        route: '/api/processes/:key/publish',
        url: `${P}/publish`,
        expect: [201, 201, 403, 404, 403, 404, 401],
      },
      { method: 'GET', route: '/api/processes/:key/versions', url: `${P}/versions`, expect: READ },
      { method: 'GET', route: '/api/processes/:key/versions/:version', url: `${P}/versions/1`, expect: READ },
      {
        method: 'GET',
        route: '/api/processes/:key/versions/:version/export',
        url: `${P}/versions/1/export`,
        expect: READ,
      },
      { method: 'GET', route: '/api/processes/:key/diff', url: `${P}/diff?from=1&to=1`, expect: READ },
      {
        method: 'POST',
        route: '/api/processes/:key/import',
        url: `${P}/import`,
        payload: () => incidentDefinition('matrix'),
        expect: [201, 201, 403, 404, 403, 404, 401],
      },
      { method: 'POST', route: '/api/processes/:key/retire', url: `${P}/retire`, expect: EDIT },
      {
        method: 'POST',
        route: '/api/packs/import',
        url: '/api/packs/import?dryRun=true',
        payload: () => buildCatalogPack([incidentTemplate()]),
        expect: ADMIN,
      },
      { method: 'GET', route: '/api/catalogue', expect: [200, 200, 403, 403, 403, 403, 401] },
      {
        method: 'POST',
        route: '/api/catalogue/:pack/:key/tailor',
        url: `/api/catalogue/${PACK}/incident/tailor`,
        payload: (who) => ({ key: `tailored-by-${who.toLowerCase()}` }),
        expect: [201, 201, 403, 403, 403, 403, 401],
      },
      { method: 'GET', route: '/api/packs/:name/upgrades', url: `/api/packs/${PACK}/upgrades`, expect: ADMIN },
      {
        method: 'POST',
        route: '/api/packs/:name/upgrades/:copyKey/apply',
        url: `/api/packs/${PACK}/upgrades/matrix-copy/apply`,
        expect: ADMIN,
      },
    ];

    it.each(ROUTES)('given $method $url, then each caller gets $expect', async (row) => {
      const order: Who[] = [...CALLERS, 'anonymous'];
      const got: number[] = [];
      for (const who of order) {
        const payload = row.payload?.(who);
        const response = await world.api.call(row.method, row.route, {
          url: row.url ?? row.route,
          headers: who === 'anonymous' ? {} : world.cast.who[who].headers,
          ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
        });
        got.push(response.statusCode);
        const code = CODE_OF[response.statusCode];
        if (code) expectProblem(response, response.statusCode, code);
      }
      expect(got).toEqual(row.expect);
    });
  });

  it('given an owner, when they change grants, then agentGroups follow; changing owners or the title needs admin', async () => {
    const owner = world.cast.who.owner.headers;
    const response = await world.api.call('PATCH', '/api/processes/:key', {
      url: P,
      headers: owner,
      payload: { grants: [...grants(), { role: 'incident-manager', users: [], groups: ['other'] }] },
    });
    expect(response.json()).toMatchObject({ agentGroups: ['desk', 'other'], canEdit: true });
    const seenByOther = await world.api.call('GET', '/api/processes/:key', {
      url: P,
      headers: world.cast.who.otherAgent.headers,
    });
    expect(seenByOther.json()).toMatchObject({ myRoles: ['incident-manager'], canEdit: false });

    expectProblem(
      await world.api.call('PATCH', '/api/processes/:key', {
        url: P,
        headers: owner,
        payload: { owners: [world.cast.ids.agent] },
      }),
      403,
      'FORBIDDEN',
    );
    const restored = await world.api.call('PATCH', '/api/processes/:key', {
      url: P,
      headers: world.cast.who.admin.headers,
      payload: { grants: grants() },
    });
    expect(restored.json()).toMatchObject({ agentGroups: ['desk'] });
  });

  it('given a stale If-Match or an unknown group, then PATCH answers 412 or 400 and changes nothing', async () => {
    const current = await world.api.call('GET', '/api/processes/:key', {
      url: P,
      headers: world.cast.who.admin.headers,
    });
    const rev = current.json<{ rev: number }>().rev;
    expect(current.headers['etag']).toBe(`"${rev}"`);
    expectProblem(
      await world.api.call('PATCH', '/api/processes/:key', {
        url: P,
        headers: { ...world.cast.who.admin.headers, 'if-match': `"${rev - 1}"` },
        payload: { title: { en: 'Stale', zh: '过期' } },
      }),
      412,
      'PRECONDITION_FAILED',
    );
    const unknown = expectProblem(
      await world.api.call('PATCH', '/api/processes/:key', {
        url: P,
        headers: world.cast.who.admin.headers,
        payload: { grants: [{ role: 'agent', users: [], groups: ['nobody'] }] },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknown.errors?.[0]).toMatchObject({ path: '/grants/0/groups/0' });
    const after = await world.api.call('GET', '/api/processes/:key', { url: P, headers: world.cast.who.admin.headers });
    expect(after.json()).toMatchObject({ rev, title: { en: 'Matrix' } });
  });

  it('given a taken key, then creating a process answers 409', async () => {
    expectProblem(
      await world.api.call('POST', '/api/processes', {
        headers: world.cast.who.admin.headers,
        payload: { key: 'matrix', title: { en: 'x', zh: '乙' }, owners: [world.cast.ids.owner] },
      }),
      409,
      'CONFLICT',
    );
  });

  it('given the list, then each caller sees only processes they have a role in', async () => {
    const keys = async (who: Caller) =>
      (await world.api.call('GET', '/api/processes', { headers: world.cast.who[who].headers }))
        .json<{ items: { key: string }[] }>()
        .items.map((p) => p.key);
    expect(await keys('otherRequester')).toEqual([]);
    expect(await keys('requester')).toEqual(['matrix']);
    expect(await keys('agent')).toEqual(['matrix']);
    expect(await keys('admin')).toContain('matrix-copy');
  });
});
