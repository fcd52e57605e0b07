/**
 * A load-generating worker process: repeats an operation from a pluggable module as fast as it
 * can against a shared database, printing one `ACK {json}` line per acknowledged operation and
 * a final `DONE {json}`. Started by `run-workers.ts` as
 * `node --import tsx runtime/src/testing/concurrency-worker.ts '<WorkerConfig JSON>'` at the
 * repository root.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MongoClient } from 'mongodb';
import {
  ACK_PREFIX,
  DONE_PREFIX,
  type CreateOperation,
  type WorkerConfig,
  type WorkerSummary,
} from './worker-protocol.ts';

/** Exits when the process that started this worker is gone, so no worker outlives its test. */
function exitWithParent(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(3);
  }, 500).unref();
}

async function main(): Promise<void> {
  exitWithParent();
  const raw = process.argv[2];
  if (!raw) throw new Error('usage: concurrency-worker.ts <WorkerConfig JSON>');
  const config = JSON.parse(raw) as WorkerConfig;
  const modulePath = isAbsolute(config.operationModule) ? config.operationModule : resolve(config.operationModule);
  const loaded = (await import(pathToFileURL(modulePath).href)) as { createOperation?: CreateOperation };
  if (typeof loaded.createOperation !== 'function') throw new Error(`${modulePath} exports no createOperation`);

  const client = await new MongoClient(config.uri, { maxPoolSize: 20 }).connect();
  const db = client.db(config.dbName);
  const operation = await loaded.createOperation({ client, db, config });
  const started = performance.now();
  let next = 0;
  let acknowledged = 0;
  let failed = 0;

  const loop = async (): Promise<void> => {
    for (let index = next++; index < config.operations; index = next++) {
      const instanceId = config.instanceIds[Math.floor(Math.random() * config.instanceIds.length)]!;
      const ack = await operation({ index, instanceId, idempotencyKey: `${config.workerId}:${index}` });
      if (ack) {
        acknowledged++;
        process.stdout.write(`${ACK_PREFIX}${JSON.stringify(ack)}\n`);
      } else {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, config.concurrency ?? 1) }, loop));
  const summary: WorkerSummary = {
    workerId: config.workerId,
    operations: config.operations,
    acknowledged,
    failed,
    elapsedMs: Math.round(performance.now() - started),
  };
  process.stdout.write(`${DONE_PREFIX}${JSON.stringify(summary)}\n`);
  await client.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
