import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureFerretDbBinary } from './ferretdb-binary.ts';
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

describe('a FerretDB started by a process that dies without stopping it', () => {
  it('given the parent exits on an uncaught error, then FerretDB does not outlive it', async () => {
    const binary = await ensureFerretDbBinary();
    const dataDir = mkdtempSync(join(tmpdir(), 'cf-ferretdb-orphan-'));
    // The parent starts FerretDB, says its pid, and crashes without calling stop().
    const script = `
      const { startFerretDb } = await import(${JSON.stringify(serverModule)});
      const server = await startFerretDb({ binary: ${JSON.stringify(binary)}, dataDir: ${JSON.stringify(dataDir)}, port: 0 });
      console.log(JSON.stringify({ pid: server.pid }));
      throw new Error('crash without stop()');
    `;
    const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        { timeout: 60_000 },
        (error, out) => resolve({ stdout: out, code: error ? ((error as { code?: number }).code ?? null) : 0 }),
      );
      child.stdin?.end();
    });
    try {
      expect(code).not.toBe(0);
      const { pid } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { pid: number };
      expect(pid).toBeGreaterThan(0);
      expect(await gone(pid, 10_000)).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
