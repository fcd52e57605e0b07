/**
 * `pnpm --filter @clauseflow/runtime bench` (or `pnpm bench` at the root): raw driver
 * throughput for one insert plus one update per operation — the ceiling — against event-log
 * append throughput, and their ratio, at 1 and 10 concurrent callers, all in one run against
 * one database. Starts its own FerretDB (port 0, a temporary data folder) unless MONGODB_URI
 * is set, and stops it afterwards. Prints figures; asserts nothing.
 *
 * It also measures the engine: `send()` with the incident example (decision table + effects),
 * its ratio to the raw ceiling, and p50/p99 latency at 1, 10 and 50 concurrent callers.
 *
 * BENCH_OPS (default 2000) operations per persistence series; BENCH_ENGINE_OPS (default 300)
 * per engine series; BENCH_CALLERS (default "1,10,50").
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { openDatabaseServer } from '@clauseflow/embedded-db';
import type { Definition } from '@clauseflow/definition';
import incident from '../../packages/definition/examples/incident.json' with { type: 'json' };
import { detectDatabaseKind } from '../src/database-kind.ts';
import {
  engineSend,
  logAppendKnownHead,
  logAppendWithHeadLookup,
  rawInsertPlusUpdate,
  rawInsertPlusUpdateSized,
  sampleEngineDocuments,
  type BenchPlan,
  type Measurement,
} from './throughput.ts';

const OPS = Number(process.env['BENCH_OPS'] ?? 2000);
const CALLERS = (process.env['BENCH_CALLERS'] ?? '1,10,50')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const INSTANCES = 50;
const ENGINE_OPS = Number(process.env['BENCH_ENGINE_OPS'] ?? 300);

function row(cells: (string | number)[]): string {
  const widths = [34, 8, 10, 9, 9, 10, 12];
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join(' ');
}

function format(m: Measurement, ratio: string): string {
  return row([
    m.name,
    m.callers,
    m.opsPerSecond.toFixed(0),
    m.p50Ms.toFixed(2),
    m.p99Ms.toFixed(2),
    ratio,
    m.commandsPerOp === null ? '' : m.commandsPerOp.toFixed(2),
  ]);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-runtime-bench-'));
  const server = await openDatabaseServer({ port: 0, dataDir });
  const client = await new MongoClient(server.uri, { maxPoolSize: 50, monitorCommands: true }).connect();
  let commands = 0;
  client.on('commandStarted', () => void commands++);
  const db = client.db(`bench_runtime_${randomBytes(4).toString('hex')}`);
  try {
    const kind = await detectDatabaseKind(db);
    console.log(
      `runtime persistence bench — ${kind === 'ferretdb' ? 'FerretDB' : 'MongoDB'} ${server.embedded ? '(embedded, started for this run)' : '(MONGODB_URI)'}`,
    );
    console.log(
      `${OPS} operations per series over ${INSTANCES} instances; ratio = series ops/s ÷ raw ops/s at the same callers; commands/op = database round trips per operation\n`,
    );
    console.log(row(['series', 'callers', 'ops/s', 'p50 ms', 'p99 ms', 'ratio', 'commands/op']));
    for (const callers of CALLERS) {
      const plan = (label: string): BenchPlan => ({
        ops: OPS,
        callers,
        instances: INSTANCES,
        label: `${label}_${callers}`,
        commandsSent: () => commands,
      });
      // Warm the connection pool and the server before measuring.
      await rawInsertPlusUpdate(db, { ...plan('warm'), ops: Math.min(200, OPS) });
      const raw = await rawInsertPlusUpdate(db, plan('raw'));
      const known = await logAppendKnownHead(db, plan('known'));
      const lookup = await logAppendWithHeadLookup(db, plan('lookup'));
      console.log(format(raw, '1.00'));
      console.log(format(known, (known.opsPerSecond / raw.opsPerSecond).toFixed(2)));
      console.log(format(lookup, (lookup.opsPerSecond / raw.opsPerSecond).toFixed(2)));
      const enginePlan = { ...plan('engine'), ops: ENGINE_OPS };
      const engine = await engineSend(db, enginePlan, incident as unknown as Definition);
      const sized = await rawInsertPlusUpdateSized(
        db,
        { ...plan('sized'), ops: ENGINE_OPS },
        await sampleEngineDocuments(db, enginePlan.label),
      );
      console.log(format(engine, (engine.opsPerSecond / raw.opsPerSecond).toFixed(2)));
      console.log(format(sized, (sized.opsPerSecond / raw.opsPerSecond).toFixed(2)));
      console.log(
        `  engine ÷ ceiling with engine-sized documents: ${(engine.opsPerSecond / sized.opsPerSecond).toFixed(2)}`,
      );
    }
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
