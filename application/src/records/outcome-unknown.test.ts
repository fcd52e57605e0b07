import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '@clauseflow/definition';
import { isDomainError } from '@clauseflow/common';
import { openOwnDatabaseServer } from '@clauseflow/embedded-db/testing';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import type { AuthenticatedUser } from '../accounts/roles.ts';
import { connectDatabase, type DatabaseConnection } from '../database/connect-database.ts';
import { openClauseFlow, type ClauseFlow } from '../open-clauseflow.ts';

const ADMIN: AuthenticatedUser = {
  id: 'u_admin',
  username: 'ada',
  displayName: 'Ada',
  roles: ['admin'],
  groups: [],
  locale: 'en',
  via: 'session',
};

// The database must go down under the application: a server of its own (an external
// MONGODB_URI cannot be stopped by a test).
describe.skipIf(Boolean(process.env['MONGODB_URI']))('a record write when the database stops answering', () => {
  let own: Awaited<ReturnType<typeof openOwnDatabaseServer>>;
  let connection: DatabaseConnection;
  let app: ClauseFlow;

  beforeAll(async () => {
    own = await openOwnDatabaseServer('outcome');
    connection = await connectDatabase(own.server.uri, 'outcome');
    app = await openClauseFlow({ db: connection.db, records: { scheduler: false } });
    await app.definitions.publish(incident as unknown as Definition, ADMIN.id, new Date());
    await own.server.stop();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await own?.remove();
  });

  it('given a start while the database is gone, then OUTCOME_UNKNOWN says to retry with the same Idempotency-Key', async () => {
    const error = await app.records
      .start(ADMIN, 'incident', { title: 'Mail down', impact: 'low', urgency: 'low' }, { idempotencyKey: 'k-1' })
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(isDomainError(error), String(error)).toBe(true);
    expect(error).toMatchObject({ code: 'OUTCOME_UNKNOWN', retryAfterSeconds: 2 });
    expect((error as Error).message).toContain('same Idempotency-Key');
  });
});
