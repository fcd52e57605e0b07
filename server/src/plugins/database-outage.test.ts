import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseConnection } from '@clauseflow/application';
import { openOwnDatabaseServer } from '@clauseflow/embedded-db/testing';
import { seedUser, signIn, testApp, type SignedIn } from '../test-support/test-app.ts';

/**
 * Milliseconds a request takes to answer. Operations give up on an unreachable server after
 * 1.5 s (SERVER_SELECTION_TIMEOUT_MS); the bound asserted is looser than that so a busy machine
 * does not flake it, and still far below the 10–20 s callers used to hang.
 */
const FAST_MS = 5_000;

/** Milliseconds a request takes to answer. */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

// The database must go down under the app, so it needs a server of its own (an external
// MONGODB_URI cannot be stopped by a test).
describe.skipIf(Boolean(process.env['MONGODB_URI']))('when the database goes down', () => {
  let own: Awaited<ReturnType<typeof openOwnDatabaseServer>>;
  let connection: DatabaseConnection;
  let app: FastifyInstance;
  let admin: SignedIn;

  beforeAll(async () => {
    own = await openOwnDatabaseServer('outage');
    connection = await connectDatabase(own.server.uri, 'outage');
    ({ app } = await testApp(connection.db, { records: { scheduler: false } }));
    await seedUser(app, 'ada', ['admin']);
    admin = await signIn(app, 'ada', 'ada-password');
    await own.server.stop();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await own?.remove();
  });

  it('given a signed-in caller, a sign-in and /health, then each answers fast: 503 problems and a degraded health', async () => {
    const list = await timed(() => app.inject({ method: 'GET', url: '/api/users', headers: admin.headers }));
    expect(list.value.statusCode).toBe(503);
    expect(list.value.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(list.ms).toBeLessThan(FAST_MS);

    const signingIn = await timed(() =>
      app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ada', password: 'ada-password' } }),
    );
    expect(signingIn.value.statusCode).toBe(503);
    expect(signingIn.ms).toBeLessThan(FAST_MS);

    const health = await timed(() => app.inject({ method: 'GET', url: '/health' }));
    expect(health.value.statusCode).toBe(503);
    expect(health.ms).toBeLessThan(FAST_MS);
  });
});
