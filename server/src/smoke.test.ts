import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import type { FastifyInstance } from 'fastify';
import { testApp } from './test-support/test-app.ts';

describe('admin API smoke over real HTTP (buildApp listening on a port)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let setupToken: string;

  beforeAll(async () => {
    t = await openTestDatabase('smoke');
    const built = await testApp(t.db);
    app = built.app;
    if (built.firstRun.kind !== 'setup-link') throw new Error('expected a setup link on an empty database');
    setupToken = built.firstRun.token;
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('given a fresh database, when an admin sets up, signs in, creates a user, a group and a token, then each step works with cookies, CSRF and bearer', async () => {
    const json = { 'content-type': 'application/json' };
    const setup = await fetch(`${base}/api/setup`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token: setupToken, username: 'boss', displayName: 'Boss', password: 'boss-password-1' }),
    });
    expect(setup.status).toBe(201);

    const signIn = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'boss', password: 'boss-password-1' }),
    });
    expect(signIn.status).toBe(200);
    const setCookie = signIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/cf_session=cfs_[\w-]+; .*HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = setCookie.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const writes = { ...json, cookie, 'x-csrf-token': csrfToken };

    const group = await fetch(`${base}/api/groups`, {
      method: 'POST',
      headers: writes,
      body: JSON.stringify({ id: 'service-desk', name: { en: 'Service desk', zh: '服务台' } }),
    });
    expect(group.status).toBe(201);
    const user = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: writes,
      body: JSON.stringify({
        username: 'agent-1',
        displayName: 'Agent One',
        password: 'agent-password-1',
        roles: ['agent'],
        groups: ['service-desk'],
      }),
    });
    expect(user.status).toBe(201);
    const token = await fetch(`${base}/api/api-tokens`, {
      method: 'POST',
      headers: writes,
      body: JSON.stringify({ name: 'script' }),
    });
    const { secret } = (await token.json()) as { secret: string };
    const users = await fetch(`${base}/api/users`, { headers: { authorization: `Bearer ${secret}` } });
    expect(((await users.json()) as { items: { username: string }[] }).items.map((u) => u.username)).toEqual([
      'agent-1',
      'boss',
    ]);

    for (const path of ['/health', '/ready', '/openapi.json', '/docs', '/']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(200);
    }
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { cookie } })).status).toBe(200);
    const problem = await fetch(`${base}/api/users`, { method: 'POST', headers: { ...json, cookie }, body: '{}' });
    expect(problem.status).toBe(403);
    expect(problem.headers.get('content-type')).toContain('application/problem+json');
  });

  it('given a browser opening a path the web app routes itself, then the app page answers; API paths and non-page requests still get problems', async () => {
    const html = { accept: 'text/html,application/xhtml+xml' };
    for (const path of ['/setup', '/console/users?page=2']) {
      const page = await fetch(`${base}${path}`, { headers: html });
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<title>ClauseFlow</title>');
    }
    const api = await fetch(`${base}/api/nothing-here`, { headers: html });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    const asJson = await fetch(`${base}/console/users`, { headers: { accept: 'application/json' } });
    expect(asJson.status).toBe(404);
    const post = await fetch(`${base}/console/users`, { method: 'POST', headers: html });
    expect(post.status).toBe(404);
  });
});
