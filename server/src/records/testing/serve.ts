/**
 * A server process for multi-process tests and the benchmark: `tsx serve.ts` with MONGODB_URI
 * and CLAUSEFLOW_DB_NAME; listens on 127.0.0.1 and a free port, prints `{"url": …}` on one line,
 * and stops on SIGTERM. CLAUSEFLOW_STREAM_POLL_MS and CLAUSEFLOW_SCHEDULER_IDLE_MS shorten the
 * live-update poll and the timer scheduler's idle pause.
 */
import { connectDatabase } from '@clauseflow/application';
import { buildApp } from '../../app.ts';
import { TEST_SCRYPT, testWebRoot } from '../../test-support/test-app.ts';

const env = process.env;
const uri = env['MONGODB_URI'];
const dbName = env['CLAUSEFLOW_DB_NAME'];
if (!uri || !dbName) throw new Error('MONGODB_URI and CLAUSEFLOW_DB_NAME are required');
const connection = await connectDatabase(uri, dbName);
const positive = (value: string | undefined): number | undefined =>
  value && Number(value) > 0 ? Number(value) : undefined;
const pollMs = positive(env['CLAUSEFLOW_STREAM_POLL_MS']);
const schedulerIdleMs = positive(env['CLAUSEFLOW_SCHEDULER_IDLE_MS']);
const app = await buildApp({
  db: connection.db,
  webRoot: testWebRoot(),
  env: {},
  config: { scrypt: TEST_SCRYPT, rateLimitMax: positive(env['CLAUSEFLOW_RATE_LIMIT']) ?? 600 },
  records: { ...(pollMs ? { pollMs } : {}), ...(schedulerIdleMs ? { schedulerIdleMs } : {}) },
  onFirstRun: () => undefined,
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(JSON.stringify({ url, pid: process.pid }));

process.once('SIGTERM', () => {
  void (async () => {
    await app.close();
    await connection.close();
    process.exit(0);
  })();
});
