import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoClient, type CommandStartedEvent, type Db } from 'mongodb';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { isDuplicateKeyError } from './database-kind.ts';
import { InsertBatcher } from './insert-batcher.ts';

interface Doc {
  _id: string;
  n: number;
}

describe('InsertBatcher: group commit of single-document inserts (real database)', () => {
  let t: TestDatabase;
  let client: MongoClient;
  let db: Db;
  /** Documents per insert command sent, in order. */
  const inserts: number[] = [];

  beforeAll(async () => {
    t = await openTestDatabase('insert_batcher');
    client = await new MongoClient(t.uri, { monitorCommands: true }).connect();
    client.on('commandStarted', (e: CommandStartedEvent) => {
      if (e.commandName === 'insert') inserts.push((e.command['documents'] as unknown[]).length);
    });
    db = client.db(t.db.databaseName);
  });
  afterAll(async () => {
    await client.close();
    await t.close();
  });

  it('given one insert at a time, then each is a single-document insert', async () => {
    const batcher = new InsertBatcher(db.collection<Doc>('alone'));
    inserts.length = 0;
    await batcher.insert({ _id: 'a', n: 1 });
    await batcher.insert({ _id: 'b', n: 2 });
    expect(inserts).toEqual([1, 1]);
  });

  it('given 40 concurrent inserts, then all are stored in far fewer commands: the ones that wait go together', async () => {
    const batcher = new InsertBatcher(db.collection<Doc>('together'));
    inserts.length = 0;
    await Promise.all(Array.from({ length: 40 }, (_, n) => batcher.insert({ _id: `d${n}`, n })));
    expect(await db.collection('together').countDocuments({})).toBe(40);
    expect(inserts.reduce((a, b) => a + b, 0)).toBe(40);
    expect(inserts.length).toBeLessThanOrEqual(3);
  });

  it('given duplicates inside a batch and against stored documents, then only their callers get E11000 and the rest are stored', async () => {
    const collection = db.collection<Doc>('duplicates');
    await collection.insertOne({ _id: 'taken', n: 0 });
    const batcher = new InsertBatcher(collection);
    const docs: Doc[] = [
      { _id: 'first', n: 1 },
      { _id: 'taken', n: 2 },
      { _id: 'second', n: 3 },
      { _id: 'first', n: 4 },
      { _id: 'third', n: 5 },
    ];
    const outcomes = await Promise.allSettled(docs.map((doc) => batcher.insert(doc)));
    const refused = outcomes.map((o) => (o.status === 'rejected' ? isDuplicateKeyError(o.reason) : 'stored'));
    expect(refused).toEqual(['stored', true, 'stored', true, 'stored']);
    const stored = await collection.find({}).sort({ _id: 1 }).toArray();
    expect(stored).toEqual([
      { _id: 'first', n: 1 },
      { _id: 'second', n: 3 },
      { _id: 'taken', n: 0 },
      { _id: 'third', n: 5 },
    ]);
  });
});
