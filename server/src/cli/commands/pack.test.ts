import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { TemplateCatalogue } from '@clauseflow/runtime';
import { catalogPackInfo } from '@clauseflow/application';
import type { CliIo } from '../clauseflow.ts';
import { createPackCommand } from './pack.ts';

/** The version of the shipped pack (`catalog/pack.json`). */
const VERSION = catalogPackInfo().version;

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

describe('clauseflow pack build | verify | import', () => {
  let t: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'cf-pack-'));
  const file = (name: string) => join(dir, name);
  const keys = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  writeFileSync(file('private.pem'), keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(file('public.pem'), keys.publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(file('other.pem'), other.publicKey.export({ type: 'spki', format: 'pem' }));

  beforeAll(async () => {
    t = await openTestDatabase('pack_cli');
  });
  afterAll(async () => {
    await t.close();
  });

  const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const io = capture();
    const code = await createPackCommand({ INIT_CWD: dir, ...env }).run(args, io);
    return { code, ...io };
  };

  it('given the catalogue, when built and verified, then it exits 0; a tampered template exits 1 with PACK_HASH_MISMATCH', async () => {
    expect((await run(['build', '--out', 'pack.json'])).code).toBe(0);
    const pack = JSON.parse(readFileSync(file('pack.json'), 'utf8')) as {
      manifest: { name: string; templates: { key: string }[] };
      templates: { title: { en: string } }[];
    };
    expect(pack.manifest.name).toBe('clauseflow-iso20000-core');
    expect(pack.manifest.templates.map((x) => x.key)).toContain('incident');
    const ok = await run(['verify', 'pack.json']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`OK clauseflow-iso20000-core@${VERSION}`);

    pack.templates[0]!.title.en = 'Tampered';
    writeFileSync(file('tampered.json'), JSON.stringify(pack));
    const bad = await run(['verify', 'tampered.json', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, issues: [{ code: 'PACK_HASH_MISMATCH' }] });
  });

  it('given a signed pack, then verify with its public key exits 0, with another key 1; unreadable input exits 2', async () => {
    expect((await run(['build', '--out', 'signed.json', '--sign', 'private.pem'])).code).toBe(0);
    expect((await run(['verify', 'signed.json', '--public-key', 'public.pem'])).code).toBe(0);
    const wrong = await run(['verify', 'signed.json', '--public-key', 'other.pem']);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('PACK_BAD_SIGNATURE');
    expect((await run(['verify', 'missing.json'])).code).toBe(2);
    expect((await run(['verify'])).code).toBe(2);
  });

  it('given a database, when imported with --dry-run then for real, then it previews, prints a progress line per step and activates the version', async () => {
    expect((await run(['build', '--out', 'pack.json'])).code).toBe(0);
    const env = { MONGODB_URI: t.uri, CLAUSEFLOW_DB_NAME: t.db.databaseName };
    const dry = await run(['import', 'pack.json', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/new:\s+incident, problem-management/);
    const catalogue = new TemplateCatalogue(t.db);
    expect(await catalogue.activeVersion('clauseflow-iso20000-core')).toBeNull();

    const real = await run(['import', 'pack.json'], env);
    expect(real.code).toBe(0);
    expect(real.out).toContain(`[1/4] pack clauseflow-iso20000-core@${VERSION}`);
    expect(real.out).toContain('[2/4] template incident');
    expect(real.out).toContain('[3/4] template problem-management');
    expect(real.out).toContain(`[4/4] activate clauseflow-iso20000-core@${VERSION}`);
    expect(await catalogue.activeVersion('clauseflow-iso20000-core')).toBe(VERSION);
  });
});
