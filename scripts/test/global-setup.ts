import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import type { TestProject } from 'vitest/node';
import { dataDir, openDatabaseServer } from '@clauseflow/embedded-db';
import type {} from '@clauseflow/embedded-db/testing'; // declares the provided `mongodbUri`
import { buildApp } from '@clauseflow/server';
import type {} from './chromium.ts'; // declares the provided `webBaseUrl`
import { ensureDesignerBuilt } from './designer-build.ts';

/**
 * Starts, for the whole test run, one MongoDB-compatible server (or uses MONGODB_URI) and
 * one product server for the browser tests. Tests reach them through `inject(...)`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(dataDir(), { recursive: true });
  const folder = mkdtempSync(join(dataDir(), 'test-'));
  const database = await openDatabaseServer({
    port: 0,
    dataDir: folder,
    log: (line) => console.log(`[db] ${line}`),
  });
  console.log(`[db] tests use ${database.embedded ? 'embedded FerretDB' : 'MONGODB_URI'} at ${database.uri}`);
  project.provide('mongodbUri', database.uri);

  const client = await new MongoClient(database.uri).connect();
  const dbName = `e2e_${process.pid}`;
  // The database starts empty, so first run issues a one-time setup link; the browser tests open it.
  let setupPath = '';
  const app = await buildApp({
    db: client.db(dbName),
    webRoot: ensureDesignerBuilt(),
    onFirstRun: (outcome) => {
      if (outcome.kind === 'setup-link') setupPath = new URL(outcome.url).pathname + new URL(outcome.url).hash;
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const webBaseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  project.provide('webBaseUrl', webBaseUrl);
  project.provide('setupUrl', setupPath ? `${webBaseUrl}${setupPath}` : '');

  return async () => {
    await app.close();
    await client.db(dbName).dropDatabase();
    await client.close();
    await database.stop();
    rmSync(folder, { recursive: true, force: true });
  };
}
