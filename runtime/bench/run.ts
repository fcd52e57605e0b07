/**
 * `pnpm --filter @clauseflow/runtime bench` (or `pnpm bench` at the root): raw driver
 * throughput for one insert plus one update per operation — the ceiling — against event-log
 * append throughput, and their ratio, at each number of concurrent callers, every series of a
 * database in one run against it. Starts its own FerretDB (port 0, a temporary data folder)
 * unless MONGODB_URI is set, and stops it afterwards. Prints figures; asserts nothing.
 *
 * It also measures the engine: `send()` with the incident example (decision table + effects),
 * its ratio to the raw ceiling, and p50/p99 latency at 1, 10 and 50 concurrent callers.
 *
 * It runs on FerretDB's SQLite backend (what the product embeds) and on its PostgreSQL backend
 * (a throw-away cluster; skipped with a note when PostgreSQL is not installed), which takes
 * concurrent writers and finds the row of an `_id` write through the unique index where SQLite
 * scans; MONGODB_URI replaces both.
 *
 * BENCH_OPS (default 2000) operations per persistence series; BENCH_ENGINE_OPS (default 1000)
 * per engine series; BENCH_CALLERS (default "1,10,50"); BENCH_BACKENDS (default
 * "sqlite,postgresql"); BENCH_ROUNDS (default 3) alternating rounds of ceiling and engine.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { openDatabaseServer } from '@clauseflow/embedded-db';
import type { Definition } from '@clauseflow/definition';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import { detectDatabaseKind } from '../src/database-kind.ts';
import {
  engineSend,
  logAppendKnownHead,
  logAppendWithHeadLookup,
  rawInsertPlusUpdate,
  rawEngineWrites,
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
const ENGINE_OPS = Number(process.env['BENCH_ENGINE_OPS'] ?? 1000);
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 3));

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

type Backend = 'sqlite' | 'postgresql';

/** FerretDB's backends to measure on (MONGODB_URI, when set, replaces them with that server). */
const BACKENDS = (process.env['BENCH_BACKENDS'] ?? 'sqlite,postgresql')
  .split(',')
  .map((b) => b.trim())
  .filter((b): b is Backend => b === 'sqlite' || b === 'postgresql');

/** What one database showed: the engine's ratio to the raw ceiling per number of callers. */
interface BackendSummary {
  label: string;
  ratios: { callers: number; raw: number; engine: number; writes: number; p50: number; p99: number }[];
}

/** Runs every series on one database (raw ceiling, event log, engine) and prints them. */
async function measureOn(backend: Backend | 'external'): Promise<BackendSummary | null> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-runtime-bench-'));
  let server: Awaited<ReturnType<typeof openDatabaseServer>>;
  try {
    server = await openDatabaseServer({ port: 0, dataDir, ...(backend === 'external' ? {} : { backend }) });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    if (backend !== 'postgresql') throw error;
    console.log(`\nFerretDB on PostgreSQL — skipped: ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
  const client = await new MongoClient(server.uri, { maxPoolSize: 50, monitorCommands: true }).connect();
  let commands = 0;
  client.on('commandStarted', () => void commands++);
  const db = client.db(`bench_runtime_${randomBytes(4).toString('hex')}`);
  try {
    const kind = await detectDatabaseKind(db);
    const label =
      server.backend === 'external'
        ? `${kind === 'ferretdb' ? 'FerretDB' : 'MongoDB'} (MONGODB_URI)`
        : `FerretDB on ${server.backend === 'postgresql' ? 'PostgreSQL' : 'SQLite'} (embedded, started for this run)`;
    console.log(`\nruntime persistence bench — ${label}`);
    console.log(
      `${OPS} operations per series over ${INSTANCES} instances; ratio = series ops/s ÷ raw ops/s at the same callers; commands/op = database round trips per operation\n`,
    );
    console.log(row(['series', 'callers', 'ops/s', 'p50 ms', 'p99 ms', 'ratio', 'commands/op']));
    const summary: BackendSummary = { label, ratios: [] };
    for (const callers of CALLERS) {
      const plan = (name: string): BenchPlan => ({
        ops: OPS,
        callers,
        instances: INSTANCES,
        label: `${name}_${callers}`,
        commandsSent: () => commands,
      });
      // Warm the connection pool and the server before measuring.
      await rawInsertPlusUpdate(db, { ...plan('warm'), ops: Math.min(200, OPS) });
      const known = await logAppendKnownHead(db, plan('known'));
      const lookup = await logAppendWithHeadLookup(db, plan('lookup'));
      // The ceiling and the engine alternate, so a slow spell of a shared machine hits both;
      // the ratio reported is the median of the rounds' ratios.
      const rounds: { raw: Measurement; engine: Measurement }[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const raw = await rawInsertPlusUpdate(db, plan(`raw${round}`));
        const engine = await engineSend(
          db,
          { ...plan(`engine${round}`), ops: ENGINE_OPS },
          incident as unknown as Definition,
        );
        rounds.push({ raw, engine });
        const ratio = (engine.opsPerSecond / raw.opsPerSecond).toFixed(2);
        console.log(format({ ...raw, name: `raw driver: insert + update (${round})` }, '1.00'));
        console.log(format({ ...engine, name: `engine: send() escalate (${round})` }, ratio));
      }
      const ratioOf = (r: (typeof rounds)[number]) => r.engine.opsPerSecond / r.raw.opsPerSecond;
      rounds.sort((a, b) => ratioOf(a) - ratioOf(b));
      const middle = rounds[Math.floor(rounds.length / 2)]!;
      const median = ratioOf(middle);
      const ratios = rounds.map(ratioOf);
      const ceiling = middle.raw;
      console.log(format(known, (known.opsPerSecond / ceiling.opsPerSecond).toFixed(2)));
      console.log(format(lookup, (lookup.opsPerSecond / ceiling.opsPerSecond).toFixed(2)));
      const docs = await sampleEngineDocuments(db, `engine${ROUNDS}_${callers}`);
      const sized = await rawInsertPlusUpdateSized(db, { ...plan('sized'), ops: ENGINE_OPS }, docs);
      const writes = await rawEngineWrites(db, { ...plan(`writes${ROUNDS}`), ops: ENGINE_OPS }, docs);
      console.log(format(sized, (sized.opsPerSecond / ceiling.opsPerSecond).toFixed(2)));
      console.log(format(writes, (writes.opsPerSecond / ceiling.opsPerSecond).toFixed(2)));
      console.log(
        `  median engine ÷ raw over ${ROUNDS} rounds: ${median.toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}); engine ÷ its 3 writes without the engine: ${(middle.engine.opsPerSecond / writes.opsPerSecond).toFixed(2)}`,
      );
      summary.ratios.push({
        callers,
        raw: ceiling.opsPerSecond,
        engine: middle.engine.opsPerSecond,
        writes: writes.opsPerSecond,
        p50: middle.engine.p50Ms,
        p99: middle.engine.p99Ms,
      });
    }
    return summary;
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const targets: (Backend | 'external')[] = process.env['MONGODB_URI'] ? ['external'] : BACKENDS;
  const summaries: BackendSummary[] = [];
  for (const target of targets) {
    const summary = await measureOn(target);
    if (summary) summaries.push(summary);
  }
  console.log(`\nengine send() ÷ raw ceiling, median of ${ROUNDS} rounds (aim: at least 0.50)`);
  for (const { label, ratios } of summaries) {
    const cells = ratios.map(
      (r) =>
        `${r.callers} caller${r.callers === 1 ? '' : 's'}: ${(r.engine / r.raw).toFixed(2)} (${r.engine.toFixed(0)}/${r.raw.toFixed(0)} ops/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms); its 3 writes alone: ${(r.writes / r.raw).toFixed(2)}`,
    );
    console.log(`  ${label}\n    ${cells.join('\n    ')}`);
  }
}

await main();
