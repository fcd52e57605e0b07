import { createRequire } from 'node:module';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CheckResult } from '@clauseflow/conformance';
import { captured } from '../testing/captured.ts';
import { conformanceCommand } from './conformance.ts';

const example = createRequire(import.meta.url).resolve('@clauseflow/definition/examples/incident.json');
let dir = '';

/** Writes the incident example with changes into the test's directory; returns the path. */
async function incident(name: string, change: (d: Record<string, unknown>) => void): Promise<string> {
  const d = JSON.parse(await readFile(example, 'utf8')) as Record<string, unknown>;
  change(d);
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(d));
  return path;
}

const run = (...args: string[]) => captured((io) => conformanceCommand.run(args, io));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clauseflow-conformance-'));
});

describe('clauseflow conformance', () => {
  test('given a definition meeting its claim, when checked with --json, then the claim passes and it exits 0', async () => {
    const file = await incident('meets.json', (d) => (d.claims = ['8.6.1.e']));
    const { code, stdout } = await run(file, '--json');
    const result = JSON.parse(stdout) as CheckResult;
    expect(result.verdicts.find((v) => v.requirement === '8.6.1.e')).toMatchObject({ status: 'pass' });
    expect(result.ok).toBe(true);
    expect(code).toBe(0);
  });

  test('given a definition failing its claim, when checked, then the table names the failure and its pointer and it exits 1', async () => {
    const file = await incident('fails.json', (d) => (d.claims = ['8.6.1.c']));
    const { code, stdout } = await run(file);
    expect(stdout).toMatch(/FAIL\s+8\.6\.1\.c/);
    expect(stdout).toContain('NO_ESCALATION_FROM_STATE /transitions');
    expect(stdout).toMatch(/0 pass, 1 fail/);
    expect(code).toBe(1);
  });

  test('given --lang zh, then the table is in Chinese', async () => {
    const file = await incident('fails-zh.json', (d) => (d.claims = ['8.6.1.c']));
    const { stdout } = await run(file, '--lang', 'zh');
    expect(stdout).toContain('不通过');
    expect(stdout).toContain('升级');
  });

  test('given a tailored copy that dropped its template claim, when checked with --template, then it exits 1 with CLAIM_DROPPED', async () => {
    const template = await incident('template.json', (d) => (d.claims = ['8.6.1.e']));
    const copy = await incident('copy.json', (d) => {
      d.claims = [];
      d.derivedFrom = { packName: 'iso-20000', templateKey: 'incident', version: 1 };
    });
    const { code, stdout } = await run(copy, '--template', template, '--json');
    const result = JSON.parse(stdout) as CheckResult;
    const verdict = result.verdicts.find((v) => v.requirement === '8.6.1.e');
    expect(verdict).toMatchObject({ status: 'fail', claim: 'dropped', failures: [{ code: 'CLAIM_DROPPED' }] });
    expect(code).toBe(1);
  });

  test('given a missing file, JSON that is not a definition, or bad arguments, then it exits 2', async () => {
    expect((await run(join(dir, 'missing.json'))).code).toBe(2);
    const notJson = join(dir, 'not.json');
    await writeFile(notJson, '{ nope');
    const bad = await run(notJson);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not JSON');
    const notDefinition = join(dir, 'array.json');
    await writeFile(notDefinition, '[1, 2]');
    expect((await run(notDefinition)).code).toBe(2);
    expect((await run()).code).toBe(2);
    expect((await run('a.json', '--lang', 'fr')).code).toBe(2);
  });
});
