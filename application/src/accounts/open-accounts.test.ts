import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '@clauseflow/common';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { openClauseFlow, type ClauseFlow } from '../open-clauseflow.ts';

const CHEAP_SCRYPT = { N: 1024, r: 8, p: 1, keyLength: 32 };

describe('the accounts of the application layer, opened once', () => {
  let t: TestDatabase;
  let app: ClauseFlow;

  beforeAll(async () => {
    t = await openTestDatabase('app-accounts');
    app = await openClauseFlow({
      db: t.db,
      now: () => new Date('2026-12-01T09:00:00Z'),
      accounts: {
        scrypt: CHEAP_SCRYPT,
        firstRun: { adminUsername: undefined, adminPassword: undefined, publicUrl: 'http://127.0.0.1:8080' },
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('given an empty database, when first run runs, then it issues a one-time setup link and no user exists', async () => {
    const outcome = await app.accounts.firstRun.run();
    expect(outcome).toMatchObject({ kind: 'setup-link' });
    expect(outcome.kind === 'setup-link' && outcome.url).toMatch(/^http:\/\/127\.0\.0\.1:8080\/setup#token=/);
  });

  it('given a user, when another takes the same username, then a coded CONFLICT domain error says so and the first is kept', async () => {
    const input = {
      username: 'li-na',
      displayName: 'Li Na',
      password: 'a-long-password',
      roles: ['agent' as const],
      groups: [],
    };
    const first = await app.accounts.users.create(input);
    const error = await app.accounts.users.create({ ...input, displayName: 'Other' }).catch((e: unknown) => e);
    expect(isDomainError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect((await app.accounts.users.byUsername('li-na'))?._id).toBe(first._id);
  });
});
