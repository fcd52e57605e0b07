/**
 * `pnpm --filter @clauseflow/designer bench` (or `pnpm bench` at the root): the web app's
 * - gzipped initial JavaScript and what each lazily loaded area adds;
 * - time to interactive of the console home (/console/users, signed in as an admin) in headless
 *   Chromium against the real server on its own FerretDB: from navigation start until the users
 *   table shows its rows, cold (empty HTTP cache) and warm (median of BENCH_RUNS, default 5).
 * Builds the app first when its build is stale. Prints the figures; asserts nothing.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { dataDir, openDatabaseServer } from '@clauseflow/embedded-db';
import { buildApp } from '@clauseflow/server';
import { launchChromium } from '../../scripts/test/chromium.ts';
import { ensureDesignerBuilt } from '../../scripts/test/designer-build.ts';
import { bundleSizes } from './bundle-sizes.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const ADMIN = { username: 'bench-admin', password: 'bench-password-1' };
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const dist = ensureDesignerBuilt();
const sizes = bundleSizes(dist);
console.log('web app JavaScript, gzipped (level 9)');
console.log(`  initial            ${kB(sizes.initial.gzipBytes).padStart(9)}  (${sizes.initial.files.length} files)`);
for (const [area, set] of Object.entries(sizes.areas)) {
  console.log(`  + ${area.padEnd(16)} ${kB(set.gzipBytes).padStart(9)}  (${set.files.length} files)`);
}

mkdirSync(dataDir(), { recursive: true });
const folder = mkdtempSync(join(dataDir(), 'bench-web-'));
const database = await openDatabaseServer({ port: 0, dataDir: folder });
const client = await new MongoClient(database.uri).connect();
const dbName = `bench_web_${process.pid}`;
const app = await buildApp({
  db: client.db(dbName),
  webRoot: dist,
  env: { CLAUSEFLOW_ADMIN_USERNAME: ADMIN.username, CLAUSEFLOW_ADMIN_PASSWORD: ADMIN.password },
  onFirstRun: () => undefined,
});
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const browser = await launchChromium();
try {
  // Signing in through the API sets the session cookie in the browser's context.
  const signIn = await browser.context.request.post(`${base}/api/session`, { data: ADMIN });
  if (!signIn.ok()) throw new Error(`sign-in answered ${signIn.status()}`);
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const page = await browser.context.newPage();
    await page.goto(`${base}/console/users`, { waitUntil: 'commit' });
    await page.getByRole('row', { name: /bench-admin/ }).waitFor();
    times.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
  const [cold, ...warm] = times;
  const median = warm.sort((a, b) => a - b)[Math.floor(warm.length / 2)] ?? NaN;
  console.log('time to interactive of the console home (/console/users, rows shown)');
  console.log(`  cold ${cold?.toFixed(0)} ms, warm median ${median.toFixed(0)} ms (${warm.length} runs)`);
} finally {
  await browser.close();
  await app.close();
  await client.db(dbName).dropDatabase();
  await client.close();
  await database.stop();
  rmSync(folder, { recursive: true, force: true });
}
