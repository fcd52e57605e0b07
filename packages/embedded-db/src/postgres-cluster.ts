import { execFile, execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ferretdb-server.ts';

const run = promisify(execFile);

/** The PostgreSQL programs a throw-away cluster needs. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  createdb: string;
  pgIsReady: string;
}

/** How startPostgresCluster reports and waits. */
export interface PostgresClusterOptions {
  /** Receives the server's log lines and a ready line with the timing. */
  log?: (line: string) => void;
  /** How long to wait for the server to accept connections after initdb. */
  startTimeoutMs?: number;
}

/** A PostgreSQL cluster this process created and must stop. */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/ferretdb`: trust auth, an empty `ferretdb` database. */
  url: string;
  port: number;
  /** The throw-away folder holding the cluster (and free for other state); stop() removes it. */
  dir: string;
  /** Fast shutdown (SIGINT, SIGKILL after a timeout), then removes `dir`. Safe to call twice. */
  stop(): Promise<void>;
}

const DATABASE = 'ferretdb';
const STOP_TIMEOUT_MS = 10_000;
const NOT_INSTALLED =
  'PostgreSQL is not installed (no initdb/postgres via pg_config, /usr/lib/postgresql/<N>/bin or PATH). ' +
  "Install Debian's `postgresql` package: `sudo apt-get install postgresql` (scripts/setup.sh does it).";

/**
 * Finds the PostgreSQL server programs: `pg_config --bindir`, else the newest Debian
 * `/usr/lib/postgresql/<N>/bin`, else PATH. Null when PostgreSQL is not installed.
 */
export function findPostgresBinaries(): PostgresBinaries | null {
  for (const dir of [pgConfigBinDir(), ...debianBinDirs()]) {
    if (!dir) continue;
    const found = binariesIn((name) => executable(join(dir, name)));
    if (found) return found;
  }
  const pathDirs = (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  return binariesIn((name) => pathDirs.map((dir) => join(dir, name)).find(executable));
}

function binariesIn(locate: (name: string) => string | undefined): PostgresBinaries | null {
  const [initdb, postgres, createdb, pgIsReady] = ['initdb', 'postgres', 'createdb', 'pg_isready'].map(locate);
  return initdb && postgres && createdb && pgIsReady ? { initdb, postgres, createdb, pgIsReady } : null;
}

// libpq-dev's pg_config answers without a server installed, so callers check the folder's contents.
function pgConfigBinDir(): string | undefined {
  try {
    const out = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Debian installs major versions side by side; the newest comes first. */
function debianBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  try {
    return readdirSync(root)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => join(root, version, 'bin'));
  } catch {
    return [];
  }
}

function executable(path: string): string | undefined {
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}

/**
 * Creates a cluster in a fresh temp folder (initdb), starts `postgres` on a free port of
 * 127.0.0.1 and creates the `ferretdb` database. On any failure it undoes what it started and
 * throws an Error naming the step, with the tail of that program's output.
 */
export async function startPostgresCluster(options: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  const log = options.log ?? (() => undefined);
  const binaries = findPostgresBinaries();
  if (!binaries) throw new Error(NOT_INSTALLED);
  // initdb and postgres refuse to run as root; the Debian package's `postgres` OS user runs them instead.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await requirePostgresUser();
  const asPostgresUser = (binary: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];

  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'clauseflow-pg-'));
  const dataDir = join(dir, 'data');
  let server: RunningPostgres | undefined;
  const cleanUp = async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    if (asRoot) await step('chown of the cluster folder to the postgres user', 'chown', ['-R', 'postgres', dir]);
    // UTF8 with the C locale: FerretDB stores documents as jsonb, which needs UTF8 for non-ASCII text.
    // --no-sync: the cluster is thrown away, so durability of initdb's files buys nothing.
    const initdbArgs = ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync'];
    await step('initdb', ...asPostgresUser(binaries.initdb, initdbArgs));
    const port = await freePort();
    const serverArgs = ['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'];
    server = startServer(asPostgresUser(binaries.postgres, serverArgs), dataDir, log);
    await server.ready(binaries.pgIsReady, port, options.startTimeoutMs ?? 30_000);
    await step('createdb', binaries.createdb, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', DATABASE]);
    const url = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;
    log(`PostgreSQL ready at ${url} (pid ${server.pid}, ${Date.now() - started} ms)`);
    let stopping: Promise<void> | undefined;
    return { url, port, dir, stop: () => (stopping ??= cleanUp()) };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function requirePostgresUser(): Promise<void> {
  try {
    await run('id', ['-u', 'postgres']);
  } catch (error) {
    throw new Error(
      'Running as root, PostgreSQL must run as the `postgres` OS user, which does not exist. ' +
        "Debian's `postgresql` package creates it: `apt-get install postgresql`.",
      { cause: error },
    );
  }
}

/** Runs a program to completion; on failure the Error names the step and carries its output's tail. */
async function step(what: string, command: string, args: string[]): Promise<void> {
  try {
    await run(command, args, { timeout: 120_000 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: unknown; signal?: unknown; message: string };
    const output = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message;
    throw new Error(`PostgreSQL: ${what} failed (exit ${String(e.code ?? e.signal)}):\n${tail(output)}`, {
      cause: error,
    });
  }
}

interface RunningPostgres {
  /** The postmaster's pid once it has started (as root, the child process is runuser). */
  readonly pid: number;
  ready(pgIsReady: string, port: number, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

function startServer([command, args]: [string, string[]], dataDir: string, log: (line: string) => void) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
    log(chunk.toString().trimEnd());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // 'close' rather than 'exit': the output is complete, so a failure message shows all of it.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  // Should this process end without stop() (an uncaught error), the cluster must not outlive it:
  // SIGQUIT is PostgreSQL's immediate shutdown, and 'exit' handlers can only act synchronously.
  const onExit = () => signalPostmaster(dataDir, 'SIGQUIT');
  process.once('exit', onExit);
  void exited.then(() => process.off('exit', onExit));

  return {
    get pid() {
      return postmasterPid(dataDir) ?? child.pid ?? -1;
    },
    async ready(pgIsReady: string, port: number, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      let delay = 20;
      while (running() && Date.now() < deadline) {
        // pg_isready, not a TCP probe: the port opens before the server accepts sessions.
        if (await accepting(pgIsReady, port)) return;
        await Promise.race([exited, new Promise((r) => setTimeout(r, delay))]);
        delay = Math.min(delay * 2, 250);
      }
      if (!running()) await exited; // the whole of its last words
      const why = running() ? `did not accept connections within ${timeoutMs} ms` : 'exited while starting';
      throw new Error(`PostgreSQL: postgres ${why} on 127.0.0.1:${port}:\n${tail(output)}`);
    },
    async stop() {
      if (!running()) return;
      // As root the child is runuser, which ignores SIGINT and answers SIGTERM with SIGTERM (a "smart"
      // shutdown that waits for clients) plus SIGKILL 2 s later; signalling the postmaster is a clean fast shutdown.
      if (!signalPostmaster(dataDir, 'SIGINT')) child.kill('SIGTERM'); // not started yet: no clients to wait for
      const timer = setTimeout(() => {
        signalPostmaster(dataDir, 'SIGKILL');
        child.kill('SIGKILL');
      }, STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  } satisfies RunningPostgres;
}

function accepting(pgIsReady: string, port: number): Promise<boolean> {
  return new Promise((resolve) =>
    execFile(pgIsReady, ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], (error) => resolve(!error)),
  );
}

/** Signals the server itself; false when it has not written its pid (yet) or is gone. */
function signalPostmaster(dataDir: string, signal: NodeJS.Signals): boolean {
  const pid = postmasterPid(dataDir);
  if (pid === undefined) return false;
  try {
    return process.kill(pid, signal);
  } catch {
    return false;
  }
}

/** The first line of postmaster.pid is the server's pid (absent until the server has started). */
function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function tail(text: string, max = 2_000): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}
