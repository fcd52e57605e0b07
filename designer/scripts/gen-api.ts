import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { dataDir, openDatabaseServer } from '@clauseflow/embedded-db';
import { buildApp } from '@clauseflow/server';
import { API_TYPES_FILE, renderApiTypes } from './api-types.ts';

/**
 * Regenerates designer/src/api/openapi-types.ts: starts the server app in-process on a throw-away
 * database (the document is built from the routes' schemas, so it needs the real app) and renders
 * its /openapi.json. Run it with `pnpm --filter @clauseflow/designer gen:api` after an API change.
 */
mkdirSync(dataDir(), { recursive: true });
const folder = mkdtempSync(join(dataDir(), 'gen-api-'));
// With a built web app the server serves it as static files (no documented route), as in the tests.
const webRoot = mkdtempSync(join(tmpdir(), 'cf-gen-api-'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>ClauseFlow</title>');
const database = await openDatabaseServer({ port: 0, dataDir: folder });
const client = await new MongoClient(database.uri).connect();
const dbName = `gen_api_${process.pid}`;
try {
  const app = await buildApp({ db: client.db(dbName), webRoot, env: {}, onFirstRun: () => undefined });
  const response = await app.inject({ method: 'GET', url: '/openapi.json' });
  await app.close();
  if (response.statusCode !== 200) throw new Error(`/openapi.json answered ${response.statusCode}`);
  writeFileSync(API_TYPES_FILE, await renderApiTypes(response.json()));
  console.log(`wrote ${API_TYPES_FILE}`);
} finally {
  await client.db(dbName).dropDatabase();
  await client.close();
  await database.stop();
  rmSync(folder, { recursive: true, force: true });
  rmSync(webRoot, { recursive: true, force: true });
}
