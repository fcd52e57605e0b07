import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { openClauseFlow, type ClauseFlow } from './open-clauseflow.ts';
import { STORED_COLLECTIONS, storedData } from './testing.ts';

describe('the stored data hosts’ tests may inspect', () => {
  let t: TestDatabase;
  let app: ClauseFlow;

  beforeAll(async () => {
    t = await openTestDatabase('app-stored-data');
    app = await openClauseFlow({ db: t.db, records: { scheduler: false } });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('given the application opened on an empty database, then every collection it created is one it names as stored', async () => {
    const created = (await t.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
    expect(created.length).toBeGreaterThan(5);
    expect(created.filter((name) => !(STORED_COLLECTIONS as readonly string[]).includes(name))).toEqual([]);
  });

  it('given a group created through its store, then the stored data counts and lists it', async () => {
    await app.accounts.groups.create('desk', { en: 'Desk', zh: '服务台' });
    const stored = storedData(app);
    expect(await stored.count('groups', { _id: 'desk' })).toBe(1);
    expect((await stored.all('groups')).map((g) => String(g['_id']))).toEqual(['desk']);
  });
});
