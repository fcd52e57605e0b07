import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import type { TestProject } from 'vitest/node';
import { dataDir, openDatabaseServer } from '@clauseflow/embedded-db';
import type {} from '@clauseflow/embedded-db/testing'; // declares the provided `mongodbUri`
import { buildApp } from '@clauseflow/server';
import { E2E_ADMIN } from './chromium.ts';
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
  const webRoot = ensureDesignerBuilt();
  const listen = async (app: Awaited<ReturnType<typeof buildApp>>) => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  };

  // The shared server: its first administrator exists from the start (as with
  // CLAUSEFLOW_ADMIN_USERNAME), so every browser test file can sign in or seed users at once.
  const dbName = `e2e_${process.pid}`;
  const app = await buildApp({
    db: client.db(dbName),
    webRoot,
    config: { adminUsername: E2E_ADMIN.username, adminPassword: E2E_ADMIN.password },
  });
  const webBaseUrl = await listen(app);
  project.provide('webBaseUrl', webBaseUrl);
  project.provide('e2eDatabase', dbName);
  project.provide('e2eAdmin', E2E_ADMIN);

  // A second listener on an empty database, for the one test of first-run set-up: any user at
  // all ends first run, so it cannot share the database the other browser tests seed.
  const firstRunDbName = `e2e_first_run_${process.pid}`;
  let setupPath = '';
  const firstRunApp = await buildApp({
    db: client.db(firstRunDbName),
    webRoot,
    onFirstRun: (outcome) => {
      if (outcome.kind === 'setup-link') setupPath = new URL(outcome.url).pathname + new URL(outcome.url).hash;
    },
  });
  const firstRunBaseUrl = await listen(firstRunApp);
  project.provide('firstRunBaseUrl', firstRunBaseUrl);
  project.provide('setupUrl', setupPath ? `${firstRunBaseUrl}${setupPath}` : '');

  return async () => {
    await app.close();
    await firstRunApp.close();
    await client.db(dbName).dropDatabase();
    await client.db(firstRunDbName).dropDatabase();
    await client.close();
    await database.stop();
    rmSync(folder, { recursive: true, force: true });
  };
}
