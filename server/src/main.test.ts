import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@clauseflow/embedded-db';
import { processAlive } from '@clauseflow/embedded-db/testing';
import { ensureDesignerBuilt } from '../../scripts/test/designer-build.ts';

describe('the run command (server/src/main.ts, what `pnpm start` runs)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-main-'));
  beforeAll(() => {
    ensureDesignerBuilt();
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given no MONGODB_URI, when started, then /health reports db.ok, / serves the web app, and Ctrl-C stops the embedded database', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      CLAUSEFLOW_DB_PORT: '0',
      CLAUSEFLOW_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    delete env['MONGODB_URI'];
    const child = spawn(join(repoRoot(), 'node_modules', '.bin', 'tsx'), ['server/src/main.ts'], {
      cwd: repoRoot(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const started = new Promise<{ url: string; dbPid: number }>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const url = /ClauseFlow is running at (http:\/\/\S+)/.exec(output)?.[1];
        const dbPid = /FerretDB listening at \S+ \(pid (\d+)\)/.exec(output)?.[1];
        if (url && dbPid) resolve({ url, dbPid: Number(dbPid) });
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`exited early with ${code}:\n${output}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const { url, dbPid } = await started;

    const health = (await (await fetch(`${url}/health`)).json()) as { status: string; db: { ok: boolean } };
    expect(health).toMatchObject({ status: 'ok', db: { ok: true } });
    const page = await (await fetch(`${url}/`)).text();
    expect(page).toContain('<title>ClauseFlow</title>');
    expect(page).toContain('<div id="root">');
    expect(processAlive(dbPid)).toBe(true);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('[server] stopped');
    expect(processAlive(dbPid)).toBe(false);
  }, 60_000);
});
