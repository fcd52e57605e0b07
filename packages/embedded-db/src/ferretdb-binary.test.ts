import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkGoToolchain, ensureFerretDbBinary, FERRETDB_BUILD, FerretDbInstallError } from './ferretdb-binary.ts';

describe('installing FerretDB', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'cf-ferretdb-'));
  const originalPath = process.env['PATH'];
  let realBinary: string;

  beforeAll(async () => {
    // The machine's binary (built once per machine by `pnpm db install` / the test setup).
    realBinary = await ensureFerretDbBinary();
  }, 300_000);
  afterEach(() => {
    process.env['PATH'] = originalPath;
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** With no Go on the PATH, any attempt to build would fail: reuse is the only way to succeed. */
  function withoutGo(): void {
    process.env['PATH'] = join(scratch, 'no-such-bin');
  }

  it('given a working binary in the tools folder, when ensured again without Go, then it is reused untouched', async () => {
    const binDir = join(scratch, 'reuse', 'bin');
    mkdirSync(binDir, { recursive: true });
    copyFileSync(realBinary, join(binDir, 'ferretdb'));
    const before = statSync(join(binDir, 'ferretdb')).mtimeMs;
    withoutGo();
    const path = await ensureFerretDbBinary({ binDir, cacheDir: join(scratch, 'empty-cache') });
    expect(path).toBe(join(binDir, 'ferretdb'));
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('given a fresh clone and a machine cache, when ensured without Go, then the cached binary is copied, not rebuilt', async () => {
    const cacheDir = join(scratch, 'cache');
    mkdirSync(join(cacheDir, `ferretdb-${FERRETDB_BUILD}`), { recursive: true });
    copyFileSync(realBinary, join(cacheDir, `ferretdb-${FERRETDB_BUILD}`, 'ferretdb'));
    const binDir = join(scratch, 'fresh-clone', 'bin');
    const lines: string[] = [];
    withoutGo();
    const path = await ensureFerretDbBinary({ binDir, cacheDir, log: (line) => lines.push(line) });
    expect(path).toBe(join(binDir, 'ferretdb'));
    expect(lines.join('\n')).not.toContain('building');
  });

  it('given no binary anywhere and no Go, when ensured, then it fails saying exactly what to install', async () => {
    withoutGo();
    const error = await ensureFerretDbBinary({
      binDir: join(scratch, 'nothing', 'bin'),
      cacheDir: join(scratch, 'nothing', 'cache'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FerretDbInstallError);
    expect((error as Error).message).toMatch(/needs Go 1\.24 or newer/);
    expect((error as Error).message).toContain('https://go.dev/dl/');
    expect((error as Error).message).toContain('MONGODB_URI');
  });

  it('given the machine’s Go, when checked, then it is recent enough for FerretDB', async () => {
    expect(await checkGoToolchain()).toMatch(/^go version go1\.(2[4-9]|[3-9]\d)/);
  });
});
