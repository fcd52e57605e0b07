import type { FastifyInstance } from 'fastify';
import { storedData } from '@clauseflow/application/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { hashPassword, verifyPassword } from '@clauseflow/application';
import { ApiClient } from '../test-support/api-client.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import { seedUser, sessionCookie, signIn, testApp, TEST_SCRYPT, type TestClock } from '../test-support/test-app.ts';
import { SESSION_COOKIE } from '../plugins/authentication.ts';

describe('passwords (node:crypto scrypt)', () => {
  it('given the same password twice, then each hash has its own salt, stores its parameters and verifies', async () => {
    const a = await hashPassword('correct horse battery', TEST_SCRYPT);
    const b = await hashPassword('correct horse battery', TEST_SCRYPT);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterz', a)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});

describe('first run: no default password', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('first_run');
  });
  afterAll(async () => t.close());

  it('given CLAUSEFLOW_ADMIN_USERNAME and _PASSWORD on an empty database, then that admin is created and can sign in', async () => {
    const db = t.client.db(`${t.db.databaseName}_env`);
    const { app, firstRun } = await testApp(db, {
      env: { CLAUSEFLOW_ADMIN_USERNAME: 'root', CLAUSEFLOW_ADMIN_PASSWORD: 'a-long-admin-password' },
    });
    expect(firstRun).toEqual({ kind: 'admin-from-env', username: 'root' });
    const me = await signIn(app, 'root', 'a-long-admin-password');
    const user = await app.platform.users.byId(me.userId);
    expect(user?.roles).toEqual(['admin']);
    expect(user?.passwordHash).not.toContain('a-long-admin-password');
    // A second process starting on the same database creates nobody.
    const again = await testApp(db, {
      env: { CLAUSEFLOW_ADMIN_USERNAME: 'root', CLAUSEFLOW_ADMIN_PASSWORD: 'a-long-admin-password' },
    });
    expect(again.firstRun.kind).toBe('users-exist');
    await again.app.close();
    await app.close();
    await db.dropDatabase();
  });

  it('given no admin variables, then a one-time setup link is issued and POST /api/setup redeems it once', async () => {
    const logged: string[] = [];
    const { app, firstRun } = await testApp(t.db, {
      onFirstRun: undefined,
      logger: { level: 'warn', stream: { write: (line: string) => void logged.push(line) } },
    });
    expect(firstRun.kind).toBe('users-exist'); // onFirstRun replaced: the link went to the log
    const line = logged.find((entry) => entry.includes('setupUrl'));
    expect(line).toBeDefined();
    const token = /#token=(cfsetup_[\w-]+)/.exec(line!)?.[1];
    expect(token).toBeDefined();
    const api = await ApiClient.for(app);
    const admin = { username: 'first', displayName: 'First Admin', password: 'first-admin-password' };
    expectProblem(
      await api.call('POST', '/api/setup', { payload: { token: 'cfsetup_wrong', ...admin } }),
      401,
      'UNAUTHENTICATED',
    );
    const [one, two] = await Promise.all([
      app.inject({ method: 'POST', url: '/api/setup', payload: { token, ...admin } }),
      app.inject({ method: 'POST', url: '/api/setup', payload: { token, ...admin, username: 'second' } }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([201, 409]);
    expect(await app.platform.users.count()).toBe(1);
    expectProblem(await api.call('POST', '/api/setup', { payload: { token, ...admin } }), 409, 'SETUP_ALREADY_DONE');
    const winner = one.statusCode === 201 ? one : two;
    expect(winner.json<{ roles: string[] }>().roles).toEqual(['admin']);
    await app.close();
  });
});

describe('sign-in, sessions, CSRF and API tokens', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let clock: TestClock;
  let api: ApiClient;

  beforeAll(async () => {
    t = await openTestDatabase('accounts');
    ({ app, clock } = await testApp(t.db, { config: { sessionTtlMs: 3_600_000 } }));
    api = await ApiClient.for(app);
    await seedUser(app, 'ada', ['admin']);
    await seedUser(app, 'rita', ['requester']);
    await seedUser(app, 'sam', ['requester']);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('given an unknown user or a wrong password, then both answer the same 401', async () => {
    const unknown = await api.call('POST', '/api/session', {
      payload: { username: 'nobody', password: 'rita-password' },
    });
    const wrong = await api.call('POST', '/api/session', {
      payload: { username: 'rita', password: 'not-her-password' },
    });
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(expectProblem(unknown, 401, 'UNAUTHENTICATED'))).toEqual(
      strip(expectProblem(wrong, 401, 'UNAUTHENTICATED')),
    );
    expect(unknown.cookies).toEqual([]);
  });

  it('given the right password, then an httpOnly SameSite=Lax Path=/ cookie and a CSRF token are returned, and GET /api/session is me', async () => {
    const response = await api.call('POST', '/api/session', {
      payload: { username: 'rita', password: 'rita-password' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies[0]!;
    expect(cookie).toMatchObject({ name: 'cf_session', httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const body = response.json<{ csrfToken: string; user: { username: string } }>();
    expect(body.user.username).toBe('rita');
    const stored = await storedData(app.platform.clauseflow).raw('sessions').findOne({});
    expect(JSON.stringify(stored)).not.toContain(cookie.value);
    const me = await api.call('GET', '/api/session', { headers: { cookie: `cf_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({ user: { username: 'rita' }, via: 'session', csrfToken: body.csrfToken });
  });

  it('given secure cookies are configured, then the session cookie is Secure', async () => {
    const secure = await testApp(t.db, { config: { secureCookies: true } });
    const response = await secure.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'rita', password: 'rita-password' },
    });
    expect(response.cookies[0]?.secure).toBe(true);
    await secure.app.close();
  });

  it('given a session, when it expires, then it is anonymous and the stored session is cleaned up', async () => {
    const rita = await signIn(app, 'rita', 'rita-password');
    clock.advance(3_600_001);
    expectProblem(await api.call('GET', '/api/session', { headers: { cookie: rita.cookie } }), 401, 'UNAUTHENTICATED');
    const cookieValue = rita.cookie.split('=')[1]!;
    const { sha256 } = await import('@clauseflow/application');
    expect(
      await storedData(app.platform.clauseflow)
        .raw('sessions')
        .findOne({ _id: sha256(cookieValue) as never }),
    ).toBeNull();
  });

  it('given a signed-in caller, when they sign out, then the cookie no longer works', async () => {
    const rita = await signIn(app, 'rita', 'rita-password');
    expectProblem(
      await api.call('DELETE', '/api/session', { headers: { cookie: rita.cookie } }),
      403,
      'CSRF_TOKEN_INVALID',
    );
    const out = await api.call('DELETE', '/api/session', { headers: rita.headers });
    expect(out.statusCode).toBe(204);
    expectProblem(await api.call('GET', '/api/session', { headers: { cookie: rita.cookie } }), 401, 'UNAUTHENTICATED');
  });

  it('given an admin, when an API token is created, listed and revoked, then its secret is shown once, stored as sha256 and stops working', async () => {
    const ada = await signIn(app, 'ada', 'ada-password');
    const created = await api.call('POST', '/api/api-tokens', { headers: ada.headers, payload: { name: 'ci script' } });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json<{ token: { id: string }; secret: string }>();
    expect(secret).toMatch(/^cft_/);
    const stored = await storedData(app.platform.clauseflow)
      .raw('api_tokens')
      .findOne({ _id: token.id as never });
    expect(JSON.stringify(stored)).not.toContain(secret);
    const bearer = { authorization: `Bearer ${secret}` };
    // Bearer requests need no CSRF header.
    const me = await api.call('GET', '/api/session', { headers: bearer });
    expect(me.json()).toMatchObject({ user: { username: 'ada' }, via: 'token' });
    const group = await api.call('POST', '/api/groups', {
      headers: bearer,
      payload: { id: 'ops', name: { en: 'Ops', zh: '运维' } },
    });
    expect(group.statusCode).toBe(201);
    const list = await api.call('GET', '/api/api-tokens', { headers: bearer });
    expect(list.body).not.toContain(secret);
    expect(list.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toContain(token.id);
    expect(
      (await api.call('DELETE', '/api/api-tokens/:id', { url: `/api/api-tokens/${token.id}`, headers: ada.headers }))
        .statusCode,
    ).toBe(204);
    expectProblem(await api.call('GET', '/api/session', { headers: bearer }), 401, 'UNAUTHENTICATED');
  });

  it('given a requester, when they try to create an API token, then 403', async () => {
    const rita = await signIn(app, 'rita', 'rita-password');
    expectProblem(
      await api.call('POST', '/api/api-tokens', { headers: rita.headers, payload: { name: 'x' } }),
      403,
      'FORBIDDEN',
    );
  });

  it('given the sign-in response, then the cookie value is what the session is looked up by', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'ada', password: 'ada-password' },
    });
    expect(sessionCookie(response)).toMatch(/^cfs_/);
  });

  it('given a requester, when they change their own language and name, then the session shows them; others are untouched', async () => {
    const rita = await signIn(app, 'rita', 'rita-password');
    const changed = await api.call('PATCH', '/api/session', {
      headers: rita.headers,
      payload: { locale: 'zh', displayName: 'Rita Chen' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ user: { username: 'rita', locale: 'zh', displayName: 'Rita Chen' } });
    const me = await api.call('GET', '/api/session', { headers: { cookie: rita.cookie } });
    expect(me.json()).toMatchObject({ user: { locale: 'zh', displayName: 'Rita Chen' } });
    expectProblem(
      await api.call('PATCH', '/api/session', { headers: { cookie: rita.cookie }, payload: { locale: 'en' } }),
      403,
      'CSRF_TOKEN_INVALID',
    );
  });

  it('given a requester changing their own password, then it needs the right current one, and then only the new password and the new session work', async () => {
    const sam = await signIn(app, 'sam', 'sam-password');
    const other = await signIn(app, 'sam', 'sam-password');
    const missing = expectProblem(
      await api.call('PATCH', '/api/session', { headers: sam.headers, payload: { password: 'sam-new-password' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(missing.errors?.[0]).toMatchObject({ code: 'MISSING_FIELD', path: '/currentPassword' });
    const wrong = expectProblem(
      await api.call('PATCH', '/api/session', {
        headers: sam.headers,
        payload: { currentPassword: 'not-it', password: 'sam-new-password', locale: 'zh' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(wrong.errors?.[0]).toMatchObject({ code: 'INVALID_VALUE', path: '/currentPassword' });
    // Nothing was written: the language stays as it was.
    expect((await api.call('GET', '/api/session', { headers: { cookie: sam.cookie } })).json()).toMatchObject({
      user: { locale: 'en' },
    });

    const changed = await api.call('PATCH', '/api/session', {
      headers: sam.headers,
      payload: { currentPassword: 'sam-password', password: 'sam-new-password' },
    });
    expect(changed.statusCode).toBe(200);
    const fresh = `${SESSION_COOKIE}=${sessionCookie(changed)}`;
    expect((await api.call('GET', '/api/session', { headers: { cookie: fresh } })).statusCode).toBe(200);
    for (const old of [sam, other]) {
      expectProblem(await api.call('GET', '/api/session', { headers: { cookie: old.cookie } }), 401, 'UNAUTHENTICATED');
    }
    await expect(signIn(app, 'sam', 'sam-password')).rejects.toThrow(/401/);
    expect((await signIn(app, 'sam', 'sam-new-password')).userId).toBe(sam.userId);
  });

  it('given 100 concurrent wrong passwords for one account, then at most the limit are checked, the rest wait with Retry-After, and another account from the same address still signs in', async () => {
    const guarded = await testApp(t.db, { config: { signInRateLimitMax: 20 } });
    await seedUser(guarded.app, 'victim', ['requester']);
    await seedUser(guarded.app, 'bystander', ['requester']);
    const address = '198.51.100.99';
    const attempt = (username: string, password: string) =>
      guarded.app.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress: address,
        payload: { username, password },
      });
    const answers = await Promise.all(Array.from({ length: 100 }, () => attempt('victim', 'not-the-password')));
    const checked = answers.filter((r) => r.statusCode === 401).length;
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(checked).toBeLessThanOrEqual(20);
    expect(checked + refused.length).toBe(100);
    expect(Number(refused[0]?.headers['retry-after'])).toBeGreaterThan(0);
    // The account is locked from this address until the window ends, its right password too.
    expect((await attempt('victim', 'victim-password')).statusCode).toBe(429);
    // Others behind the same address are not.
    expect((await attempt('bystander', 'bystander-password')).statusCode).toBe(200);
    guarded.clock.advance(60_000);
    expect((await attempt('victim', 'victim-password')).statusCode).toBe(200);
    await guarded.app.close();
  });
});
