import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { claimDataDir, type DataDirClaim } from './data-dir-claim.ts';

/** Where FerretDB keeps the documents. */
export type FerretDbBackend = { kind: 'sqlite' } | { kind: 'postgresql'; url: string };

export interface FerretDbOptions {
  binary: string;
  /** Folder for FerretDB's state, and for the SQLite files on that backend. */
  dataDir: string;
  /** SQLite files in `dataDir` unless told otherwise; `url` is a `postgres://` URL of an existing database. */
  backend?: FerretDbBackend;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  log?: (line: string) => void;
  /** How long to wait for the port to accept connections. */
  startTimeoutMs?: number;
}

/** A FerretDB process this process started and must stop. */
export interface RunningFerretDb {
  uri: string;
  port: number;
  /** FerretDB's own pid (not its watchdog's). */
  pid: number;
  /** Stops the process: SIGTERM, then SIGKILL if it has not exited in time. */
  stop(): Promise<void>;
}

/**
 * Runs FerretDB under a watchdog shell that holds our end of a pipe as its stdin: when this
 * process dies in any way (SIGKILL included, where no exit handler runs) the kernel closes the
 * pipe, `read` returns and the watchdog stops FerretDB. The first line says FerretDB's pid.
 */
const WATCHDOG = [
  '"$@" & pid=$!',
  'echo "ferretdb-pid $pid"',
  'read _parent_gone',
  'kill -TERM "$pid" 2>/dev/null',
  'wait "$pid"',
].join('\n');

/** Starts FerretDB (SQLite backend unless `backend` says otherwise) and resolves once it accepts connections. */
export async function startFerretDb(options: FerretDbOptions): Promise<RunningFerretDb> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  mkdirSync(options.dataDir, { recursive: true });
  // An orphan of a killed owner is stopped here; a live owner's server is refused (never shared).
  const claim = await claimDataDir(options.dataDir, log);
  try {
    const port = options.port === 0 ? await freePort(host) : options.port;
    if (await canConnect(host, port)) {
      throw new Error(
        `Port ${host}:${port} is already taken by another process, so FerretDB cannot listen there; ` +
          'stop that process or choose another port (CLAUSEFLOW_DB_PORT).',
      );
    }
    const server = await spawnFerretDb(options, host, port, claim);
    return server;
  } catch (error) {
    claim.release();
    throw error;
  }
}

async function spawnFerretDb(
  options: FerretDbOptions,
  host: string,
  port: number,
  claim: DataDirClaim,
): Promise<RunningFerretDb> {
  const backend = options.backend ?? { kind: 'sqlite' };
  const args = [
    ...(backend.kind === 'postgresql'
      ? ['--handler=postgresql', `--postgresql-url=${backend.url}`]
      : ['--handler=sqlite', `--sqlite-url=file:${options.dataDir}/`]),
    `--state-dir=${options.dataDir}`,
    `--listen-addr=${host}:${port}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=error',
  ];
  // detached: its own process group, so a last-resort SIGKILL reaches the watchdog and FerretDB.
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'ferretdb-watchdog', options.binary, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let ferretPid = -1;
  const pidKnown = new Promise<void>((resolve) => {
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      const match = /^ferretdb-pid (\d+)$/m.exec(text);
      if (match && ferretPid < 0) {
        ferretPid = Number(match[1]);
        claim.record(ferretPid);
        resolve();
      }
      const rest = text.replace(/^ferretdb-pid \d+\n?/m, '');
      output = (output + rest).slice(-8_000);
      if (rest.trim()) options.log?.(rest.trimEnd());
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A parent that exits without stop() still ends FerretDB at once ('exit' handlers act synchronously);
  // the watchdog covers the deaths that run no handler at all.
  const onParentExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onParentExit);
  void exited.then(() => {
    process.off('exit', onParentExit);
    claim.release();
  });
  const ready = Promise.all([pidKnown, waitForPort(host, port, options.startTimeoutMs ?? 30_000)]);
  const outcome = await Promise.race([ready.then(() => 'ready' as const), exited.then(() => 'exited' as const)]);
  if (outcome === 'exited' || child.exitCode !== null) {
    throw new Error(`FerretDB exited before accepting connections on ${host}:${port}:\n${output}`);
  }
  return {
    uri: `mongodb://${host}:${port}/`,
    port,
    pid: ferretPid,
    stop: () => stopChild(child, ferretPid, exited),
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function stopChild(child: ChildProcess, ferretPid: number, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(ferretPid, 'SIGTERM');
  } catch {
    // already gone; the watchdog exits with it
  }
  child.stdin?.end();
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Asks the kernel for a free port on host. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Polls until a TCP connection to host:port succeeds (readiness, not a fixed sleep). */
async function waitForPort(host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 20;
  while (Date.now() < deadline) {
    if (await canConnect(host, port)) return;
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 250);
  }
  throw new Error(`FerretDB did not accept connections on ${host}:${port} within ${timeoutMs} ms`);
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
