import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { ApiClient } from '../test-support/api-client.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import { seedUser, signIn, testApp, type SignedIn } from '../test-support/test-app.ts';

describe('admin routes: users, groups, roles and membership', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: ApiClient;
  const who = {} as Record<'admin' | 'owner' | 'agent' | 'requester', SignedIn>;
  let agentId: string;

  beforeAll(async () => {
    t = await openTestDatabase('admin_routes');
    ({ app } = await testApp(t.db));
    api = await ApiClient.for(app);
    await seedUser(app, 'admin', ['admin']);
    await seedUser(app, 'owner', ['process-owner']);
    agentId = await seedUser(app, 'agent', ['agent']);
    await seedUser(app, 'requester', ['requester']);
    for (const name of ['admin', 'owner', 'agent', 'requester'] as const)
      who[name] = await signIn(app, name, `${name}-password`);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const ROUTES: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    route: string;
    url?: string;
    payload?: InjectOptions['payload'];
    ok: number;
  }[] = [
    { method: 'GET', route: '/api/users', ok: 200 },
    {
      method: 'POST',
      route: '/api/users',
      payload: { username: 'newbie', displayName: 'Newbie', password: 'newbie-password', roles: ['requester'] },
      ok: 201,
    },
    { method: 'GET', route: '/api/groups', ok: 200 },
    { method: 'POST', route: '/api/groups', payload: { id: 'matrix', name: { en: 'Matrix', zh: '矩阵' } }, ok: 201 },
    { method: 'GET', route: '/api/api-tokens', ok: 200 },
  ];

  it.each(ROUTES)(
    'given $method $route, then anonymous 401, non-admins 403 and admin $ok',
    async ({ method, route, url, payload, ok }) => {
      const options = { ...(url ? { url } : {}), ...(payload ? { payload } : {}) };
      expectProblem(await api.call(method, route, options), 401, 'UNAUTHENTICATED');
      for (const name of ['owner', 'agent', 'requester'] as const) {
        expectProblem(await api.call(method, route, { ...options, headers: who[name].headers }), 403, 'FORBIDDEN');
      }
      expect((await api.call(method, route, { ...options, headers: who.admin.headers })).statusCode).toBe(ok);
    },
  );

  it('given an admin, when a group is created and members set, then users carry the group and roles change with If-Match', async () => {
    const admin = who.admin.headers;
    await api.call('POST', '/api/groups', {
      headers: admin,
      payload: { id: 'service-desk', name: { en: 'Service desk', zh: '服务台' } },
    });
    const members = await api.call('PUT', '/api/groups/:id/members', {
      url: '/api/groups/service-desk/members',
      headers: admin,
      payload: { members: [agentId] },
    });
    expect(members.json()).toMatchObject({ id: 'service-desk', members: [agentId] });
    const fetched = await api.call('GET', '/api/users/:id', { url: `/api/users/${agentId}`, headers: admin });
    expect(fetched.json()).toMatchObject({ groups: ['service-desk'] });
    const etag = String(fetched.headers['etag']);
    const changed = await api.call('PATCH', '/api/users/:id', {
      url: `/api/users/${agentId}`,
      headers: { ...admin, 'if-match': etag },
      payload: { roles: ['agent', 'process-owner'], locale: 'zh' },
    });
    expect(changed.json()).toMatchObject({ roles: ['agent', 'process-owner'], locale: 'zh' });
    expectProblem(
      await api.call('PATCH', '/api/users/:id', {
        url: `/api/users/${agentId}`,
        headers: { ...admin, 'if-match': etag },
        payload: { displayName: 'Stale' },
      }),
      412,
      'PRECONDITION_FAILED',
    );
    const group = await api.call('GET', '/api/groups/:id', { url: '/api/groups/service-desk', headers: admin });
    expect(group.json()).toMatchObject({ members: [agentId] });
    await api.call('PUT', '/api/groups/:id/members', {
      url: '/api/groups/service-desk/members',
      headers: admin,
      payload: { members: [] },
    });
    expect((await app.platform.users.byId(agentId))?.groups).toEqual([]);
  });

  it('given unknown groups or members, then 400 VALIDATION_FAILED names them and nothing changes', async () => {
    const admin = who.admin.headers;
    const response = await api.call('POST', '/api/users', {
      headers: admin,
      payload: {
        username: 'ghost',
        displayName: 'Ghost',
        password: 'ghost-password',
        roles: ['agent'],
        groups: ['nope'],
      },
    });
    expect(expectProblem(response, 400, 'VALIDATION_FAILED').errors?.[0]).toMatchObject({
      path: '/groups/0',
      in: 'body',
    });
    expect(await app.platform.users.byUsername('ghost')).toBeNull();
  });

  it('given a disabled user, then their sessions end and they cannot sign in', async () => {
    const admin = who.admin.headers;
    const victim = await seedUser(app, 'leaver', ['requester']);
    const session = await signIn(app, 'leaver', 'leaver-password');
    await api.call('PATCH', '/api/users/:id', {
      url: `/api/users/${victim}`,
      headers: admin,
      payload: { disabled: true },
    });
    expectProblem(
      await api.call('GET', '/api/session', { headers: { cookie: session.cookie } }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await api.call('POST', '/api/session', { payload: { username: 'leaver', password: 'leaver-password' } }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('given the admin, when they try to remove their own admin role, then 409', async () => {
    expectProblem(
      await api.call('PATCH', '/api/users/:id', {
        url: `/api/users/${who.admin.userId}`,
        headers: who.admin.headers,
        payload: { roles: ['agent'] },
      }),
      409,
      'CONFLICT',
    );
  });

  it('given a taken username or group id, then 409 CONFLICT points at the field, so a form can show it there', async () => {
    const admin = who.admin.headers;
    const user = { username: 'twin', displayName: 'Twin', password: 'twin-password-1', roles: ['agent'] };
    expect((await api.call('POST', '/api/users', { headers: admin, payload: user })).statusCode).toBe(201);
    const taken = expectProblem(
      await api.call('POST', '/api/users', { headers: admin, payload: user }),
      409,
      'CONFLICT',
    );
    expect(taken.errors).toEqual([
      { code: 'INVALID_VALUE', path: '/username', message: 'This username is taken.', in: 'body' },
    ]);
    const group = { id: 'twins', name: { en: 'Twins', zh: '双胞胎' } };
    expect((await api.call('POST', '/api/groups', { headers: admin, payload: group })).statusCode).toBe(201);
    const exists = expectProblem(
      await api.call('POST', '/api/groups', { headers: admin, payload: group }),
      409,
      'CONFLICT',
    );
    expect(exists.errors?.[0]).toMatchObject({ code: 'INVALID_VALUE', path: '/id' });
  });
});
