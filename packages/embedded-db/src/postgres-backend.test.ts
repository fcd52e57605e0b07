import { createConnection } from 'node:net';
import { MongoClient, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabaseServer, type DatabaseServer } from './database-server.ts';
import { findPostgresBinaries } from './postgres-cluster.ts';

const notInstalled = findPostgresBinaries() === null;
const skipped = notInstalled ? ' (skipped: PostgreSQL is not installed; apt-get install postgresql)' : '';

function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// One cluster for the file: initdb is the slow part. Database names avoid `pg_`: FerretDB maps them to
// PostgreSQL schemas, and PostgreSQL reserves that prefix.
describe.skipIf(notInstalled)(`the postgresql backend (FerretDB on a throw-away PostgreSQL cluster)${skipped}`, () => {
  let server: DatabaseServer;
  let client: MongoClient;
  beforeAll(async () => {
    // env without MONGODB_URI, so the run's own database choice does not leak in.
    server = await openDatabaseServer({ port: 0, backend: 'postgresql', env: {} });
    client = await new MongoClient(server.uri, { serverSelectionTimeoutMS: 10_000 }).connect();
  });
  afterAll(async () => {
    await client?.close();
    await server?.stop();
  });

  it('given the postgresql backend, when opened, then it says so and names its cluster', () => {
    expect(server.backend).toBe('postgresql');
    expect(server.embedded).toBe(true);
    expect(server.postgresqlUrl).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/ferretdb$/);
  });

  it('given two documents inserted with the mongodb driver, when one is read by _id, then it is that document', async () => {
    const things = client.db('backend_check').collection<{ _id: string; title: string }>('things');
    await things.insertMany([
      { _id: 'a1', title: 'printer on fire' },
      { _id: 'a2', title: 'coffee machine empty' },
    ]);
    expect(await things.findOne({ _id: 'a2' })).toEqual({ _id: 'a2', title: 'coffee machine empty' });
  });

  it('given a stored _id, when a second insert uses it, then the server answers 11000 and keeps the first', async () => {
    const things = client.db('backend_check').collection<{ _id: string; title: string }>('dupes');
    await things.insertOne({ _id: 'same', title: 'first' });
    const error = await things.insertOne({ _id: 'same', title: 'second' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(11000);
    expect(await things.findOne({ _id: 'same' })).toEqual({ _id: 'same', title: 'first' });
  });

  it('given the running backend, when stopped, then neither FerretDB nor PostgreSQL accepts connections', async () => {
    const postgresqlUrl = server.postgresqlUrl ?? '';
    expect(await accepts(server.uri)).toBe(true);
    expect(await accepts(postgresqlUrl)).toBe(true);
    await client.close();
    await server.stop();
    expect(await accepts(server.uri)).toBe(false);
    expect(await accepts(postgresqlUrl)).toBe(false);
  });
});
