import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoServerError } from 'mongodb';
import { openTestDatabase, type TestDatabase } from './testing.ts';

describe('the test run database (FerretDB started by the global setup, or MONGODB_URI)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('embedded');
  });
  afterAll(async () => t.close());

  it('given a document written through the mongodb driver, when read back, then it is the same document', async () => {
    const things = t.db.collection<{ _id: string; title: string; n: number }>('things');
    await things.insertOne({ _id: 'a1', title: 'printer on fire', n: 3 });
    const read = await things.findOne({ _id: 'a1' });
    expect(read).toEqual({ _id: 'a1', title: 'printer on fire', n: 3 });
    console.log(`wrote and read back ${JSON.stringify(read)} at ${t.uri}`);
  });

  it('given a stored _id, when a second insert uses the same _id, then the server answers E11000 and keeps the first', async () => {
    const things = t.db.collection<{ _id: string; title: string }>('dupes');
    await things.insertOne({ _id: 'same', title: 'first' });
    const error = await things.insertOne({ _id: 'same', title: 'second' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(11000);
    expect((error as MongoServerError).message).toContain('E11000');
    console.log(`second insert refused: ${(error as MongoServerError).message}`);
    expect(await things.findOne({ _id: 'same' })).toEqual({ _id: 'same', title: 'first' });
  });

  it('given a compound unique index, when two documents share the key, then the second is refused', async () => {
    const events = t.db.collection<{ instanceId: string; seq: number }>('events');
    await events.createIndex({ instanceId: 1, seq: 1 }, { unique: true });
    await events.insertOne({ instanceId: 'i1', seq: 1 });
    await expect(events.insertOne({ instanceId: 'i1', seq: 1 })).rejects.toMatchObject({ code: 11000 });
    await events.insertOne({ instanceId: 'i1', seq: 2 });
    expect(await events.countDocuments({ instanceId: 'i1' })).toBe(2);
  });
});
