import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_FILE } from './data-dir-claim.ts';
import { ensureFerretDbBinary } from './ferretdb-binary.ts';
import { freePort, startFerretDb } from './ferretdb-server.ts';
import { processAlive } from './testing.ts';

const serverModule = fileURLToPath(new URL('./ferretdb-server.ts', import.meta.url));

/** Polls (no fixed sleep) until the process is gone or the deadline passes. */
async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let delay = 10;
  while (processAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 200);
  }
  return true;
}

/** Runs a parent that starts FerretDB on `dataDir`, prints its pid, then ends as `ending` says. */
function parentThatDies(binary: string, dataDir: string, ending: string): Promise<{ stdout: string; code: unknown }> {
  const script = `
    const { startFerretDb } = await import(${JSON.stringify(serverModule)});
    const server = await startFerretDb({ binary: ${JSON.stringify(binary)}, dataDir: ${JSON.stringify(dataDir)}, port: 0 });
    console.log(JSON.stringify({ pid: server.pid, port: server.port }));
    ${ending}
  `;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { timeout: 60_000 },
      (error, out) => resolve({ stdout: out, code: error ? ((error as { code?: unknown }).code ?? error) : 0 }),
    );
    child.stdin?.end();
  });
}

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as { pid: number; port: number };

describe('a FerretDB whose owner dies, and starts that find the folder or port taken', () => {
  let binary: string;
  const folders: string[] = [];
  const folder = (label: string) => {
    const dir = mkdtempSync(join(tmpdir(), `cf-ferretdb-${label}-`));
    folders.push(dir);
    return dir;
  };

  beforeAll(async () => {
    binary = await ensureFerretDbBinary();
  }, 300_000);
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('given the parent exits on an uncaught error, then FerretDB does not outlive it', async () => {
    const { stdout, code } = await parentThatDies(binary, folder('crash'), `throw new Error('crash without stop()');`);
    expect(code).not.toBe(0);
    expect(await gone(lastJson(stdout).pid, 10_000)).toBe(true);
  });

  it('given the parent is killed with SIGKILL (no handler runs), then the watchdog stops FerretDB', async () => {
    const { stdout } = await parentThatDies(binary, folder('kill9'), `process.kill(process.pid, 'SIGKILL');`);
    expect(await gone(lastJson(stdout).pid, 10_000)).toBe(true);
  });

  it('given an orphan FerretDB on the folder whose owner is gone, when started again, then the orphan is stopped and a new one serves', async () => {
    const dataDir = folder('orphan');
    // An orphan as a kill -9 of an older build left it: FerretDB running alone, its owner dead.
    const port = await freePort();
    const orphan = spawn(
      binary,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${dataDir}/`,
        `--state-dir=${dataDir}`,
        `--listen-addr=127.0.0.1:${port}`,
      ],
      { stdio: 'ignore', detached: true },
    );
    orphan.unref();
    const deadOwner = 2 ** 22 + 12_345; // above pid_max's default range: never a live process
    writeFileSync(
      join(dataDir, CLAIM_FILE),
      JSON.stringify({ ferretdbPid: orphan.pid, ownerPid: deadOwner, startedAt: '' }),
    );
    const lines: string[] = [];
    const server = await startFerretDb({ binary, dataDir, port: 0, log: (line) => lines.push(line) });
    try {
      expect(await gone(orphan.pid!, 10_000)).toBe(true);
      expect(server.pid).not.toBe(orphan.pid);
      expect(processAlive(server.pid)).toBe(true);
      expect(lines.join('\n')).toContain(`stopping an orphaned FerretDB (pid ${orphan.pid})`);
    } finally {
      await server.stop();
    }
    expect(await gone(server.pid, 10_000)).toBe(true);
  });

  it('given FerretDB running on the folder for a live owner, when another process starts on it, then it is refused naming both pids', async () => {
    const dataDir = folder('shared');
    const script = `
      const { startFerretDb } = await import(${JSON.stringify(serverModule)});
      const server = await startFerretDb({ binary: ${JSON.stringify(binary)}, dataDir: ${JSON.stringify(dataDir)}, port: 0 });
      console.log(JSON.stringify({ pid: server.pid, port: server.port }));
      process.stdin.resume();
    `;
    const owner = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      const first = await new Promise<{ pid: number }>((resolve) =>
        owner.stdout.once('data', (chunk: Buffer) => resolve(lastJson(chunk.toString()))),
      );
      const error = await startFerretDb({ binary, dataDir, port: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(
        `in use by FerretDB (pid ${first.pid}) of the running process ${owner.pid}`,
      );
      expect(processAlive(first.pid)).toBe(true);
      owner.kill('SIGKILL');
      expect(await gone(first.pid, 10_000)).toBe(true);
    } finally {
      owner.kill('SIGKILL');
    }
  });

  it('given the port is taken by another program, when FerretDB is started on it, then it refuses clearly instead of using that program', async () => {
    const port = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const error = await startFerretDb({ binary, dataDir: folder('port'), port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(`Port 127.0.0.1:${port} is already taken`);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
