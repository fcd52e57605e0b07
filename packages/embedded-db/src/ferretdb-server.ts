import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';

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
  pid: number;
  /** Stops the process: SIGTERM, then SIGKILL if it has not exited in time. */
  stop(): Promise<void>;
}

/** Starts FerretDB (SQLite backend unless `backend` says otherwise) and resolves once it accepts connections. */
export async function startFerretDb(options: FerretDbOptions): Promise<RunningFerretDb> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port === 0 ? await freePort(host) : options.port;
  mkdirSync(options.dataDir, { recursive: true });
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
  const child = spawn(options.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
    options.log?.(chunk.toString().trimEnd());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A parent that exits without stop() (an uncaught error, process.exit) must not leave the
  // server holding its port and data folder; 'exit' handlers can only act synchronously.
  const onParentExit = () => child.kill('SIGKILL');
  process.once('exit', onParentExit);
  void exited.then(() => process.off('exit', onParentExit));
  const ready = waitForPort(host, port, options.startTimeoutMs ?? 30_000);
  const outcome = await Promise.race([ready.then(() => 'ready' as const), exited.then(() => 'exited' as const)]);
  if (outcome === 'exited') {
    throw new Error(`FerretDB exited before accepting connections on ${host}:${port}:\n${output}`);
  }
  return {
    uri: `mongodb://${host}:${port}/`,
    port,
    pid: child.pid ?? -1,
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
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
