import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { ApiClient } from '../test-support/api-client.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import { seedUser, signIn, testApp } from '../test-support/test-app.ts';

/** Issue 21: inputs that become numbers or lookups are checked before they reach a query. */
describe('account inputs: If-Match versions and usernames', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: ApiClient;
  let adminHeaders: Record<string, string>;
  let ritaId: string;

  beforeAll(async () => {
    t = await openTestDatabase('account-inputs');
    ({ app } = await testApp(t.db));
    api = await ApiClient.for(app);
    await seedUser(app, 'ada', ['admin']);
    ritaId = await seedUser(app, 'rita', ['requester']);
    const admin = await signIn(app, 'ada', 'ada-password');
    adminHeaders = admin.headers;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('given a non-numeric If-Match on PATCH /api/users/:id, then 412 PRECONDITION_FAILED answers and the user is unchanged', async () => {
    for (const etag of ['"abc"', 'abc', '"1.5"', '"99999999999999999999"', 'W/""']) {
      const response = await api.call('PATCH', '/api/users/:id', {
        url: `/api/users/${ritaId}`,
        headers: { ...adminHeaders, 'if-match': etag },
        payload: { displayName: 'Changed' },
      });
      expectProblem(response, 412, 'PRECONDITION_FAILED');
    }
    expect((await app.platform.users.byId(ritaId))?.displayName).toBe('rita');
  });

  it('given a username typed with capitals, when signing in, then the lower-case account signs in', async () => {
    for (const username of ['Rita', 'RITA', 'rItA']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username, password: 'rita-password' },
      });
      expect(response.statusCode, username).toBe(200);
      expect(response.json<{ user: { username: string } }>().user.username).toBe('rita');
    }
  });
});
