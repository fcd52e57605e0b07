import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Db } from 'mongodb';
import { repoRoot } from '@clauseflow/embedded-db';
import { ACK_PREFIX, DONE_PREFIX, type WorkerAck, type WorkerConfig, type WorkerSummary } from './worker-protocol.ts';

/** The worker script, for spawning it by hand. */
export const WORKER_SCRIPT = fileURLToPath(new URL('./concurrency-worker.ts', import.meta.url));

/** A module path of the built-in operations, for `WorkerConfig.operationModule`. */
export const LOG_APPEND_OPERATION = fileURLToPath(new URL('./log-append-operation.ts', import.meta.url));

/** Workers started by this process and not yet exited. */
const live = new Set<ChildProcess>();

/**
 * SIGKILLs every worker this process started that is still running, and waits for them to
 * exit. Call it before dropping a test database: FerretDB may crash when a database is
 * dropped under connections that are still using it.
 */
export async function killAllWorkers(): Promise<void> {
  const waiting = [...live].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('close', () => resolve());
        child.kill('SIGKILL');
      }),
  );
  await Promise.all(waiting);
}

/** A running worker process. */
export interface SpawnedWorker {
  child: ChildProcess;
  /** Acknowledgements printed so far (grows while the worker runs). */
  acks: WorkerAck[];
  /** Resolves when the process exits: its summary (absent if it was killed) and exit status. */
  exited: Promise<{
    summary: WorkerSummary | null;
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>;
}

/**
 * Starts one worker as a separate Node process with the repository root's tsx loaded, so it
 * shares nothing with the caller but the database. Kill it with `worker.child.kill('SIGKILL')`
 * to simulate a crash.
 *
 * It runs `node --import tsx` rather than `node_modules/.bin/tsx`: the tsx command runs the
 * script in a child process of its own, so a SIGKILL of the command would orphan the worker
 * instead of crashing it.
 */
export function spawnWorker(config: WorkerConfig): SpawnedWorker {
  const root = repoRoot();
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT, JSON.stringify(config)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('close', () => live.delete(child));
  const acks: WorkerAck[] = [];
  let summary: WorkerSummary | null = null;
  let buffered = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.startsWith(ACK_PREFIX)) acks.push(JSON.parse(line.slice(ACK_PREFIX.length)) as WorkerAck);
      else if (line.startsWith(DONE_PREFIX)) summary = JSON.parse(line.slice(DONE_PREFIX.length)) as WorkerSummary;
      newline = buffered.indexOf('\n');
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<{
    summary: WorkerSummary | null;
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ summary, code, signal, stderr }));
  });
  return { child, acks, exited };
}

/** Runs workers to completion; when one exits unsuccessfully the others are killed and it rejects. */
export async function runWorkers(configs: WorkerConfig[]): Promise<{ acks: WorkerAck[]; summaries: WorkerSummary[] }> {
  const workers = configs.map(spawnWorker);
  const outcomes = await Promise.all(
    workers.map((w) =>
      w.exited.then((outcome) => {
        if (outcome.code !== 0) for (const other of workers) if (other !== w) other.child.kill('SIGKILL');
        return outcome;
      }),
    ),
  );
  outcomes.forEach((outcome, i) => {
    if (outcome.code !== 0 || !outcome.summary) {
      throw new Error(`worker ${configs[i]?.workerId} exited ${outcome.code ?? outcome.signal}:\n${outcome.stderr}`);
    }
  });
  return { acks: workers.flatMap((w) => w.acks), summaries: outcomes.map((o) => o.summary!) };
}

/**
 * The concurrency tests' race: three workers (`<prefix>1` to `<prefix>3`) of 1,000 operations
 * each, two in flight at a time, spread over the same instances; with how long it took.
 */
export async function raceThreeWorkers(
  database: { uri: string; db: Db },
  instanceIds: string[],
  operationModule: string,
  prefix: string,
): Promise<{ acks: WorkerAck[]; summaries: WorkerSummary[]; elapsedMs: number }> {
  const configs = [1, 2, 3].map((n) => ({
    workerId: `${prefix}${n}`,
    uri: database.uri,
    dbName: database.db.databaseName,
    instanceIds,
    operations: 1000,
    concurrency: 2,
    operationModule,
  }));
  const started = performance.now();
  const outcome = await runWorkers(configs);
  return { ...outcome, elapsedMs: performance.now() - started };
}
