import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildPack, shippedPackInfo, shippedTemplateFiles } from '@clauseflow/catalog';
import { parseDefinition, type Definition } from '@clauseflow/definition';
import type { CheckResult } from '@clauseflow/conformance';
import { captured } from '../testing/captured.ts';
import { conformanceCommand } from './conformance.ts';

let dir = '';
const PACK = shippedPackInfo().name;

/** The shipped incident template, as a definition to change. */
function shippedIncident(): Definition {
  const file = shippedTemplateFiles().find((f) => f.file === 'incident/definition.json');
  return structuredClone(parseDefinition(file!.json).definition!);
}

/** A tailored copy of the shipped incident template, as the tailor route makes it: no claims list. */
function tailoredCopy(change: (d: Definition) => void = () => {}): Definition {
  const template = shippedIncident();
  const { claims: _claims, ...copy } = template;
  const d: Definition = {
    ...copy,
    key: 'our-incidents',
    version: 1,
    derivedFrom: { packName: PACK, templateKey: 'incident', version: template.version },
  };
  change(d);
  return d;
}

async function write(name: string, json: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(json));
  return path;
}

const run = (...args: string[]) => captured((io) => conformanceCommand.run(args, io));

/** Removes every transition tagged as an escalation, breaking 8.6.1.c (escalation) of the incident template. */
function withoutEscalation(d: Definition): void {
  d.transitions = d.transitions.filter((t) => !(t.tags ?? []).includes('escalation'));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clauseflow-tailored-'));
});

describe('clauseflow conformance on tailored copies: no silent passes', () => {
  test('given a copy without a claims list that still meets its template, then it is checked with every inherited claim and passes', async () => {
    const { code, stdout } = await run(await write('copy-ok.json', tailoredCopy()), '--json');
    const result = JSON.parse(stdout) as CheckResult;
    expect(result.summary.pass).toBe(shippedIncident().claims!.length);
    expect(result.ok).toBe(true);
    expect(code).toBe(0);
  });

  test('given a copy without a claims list that breaks an inherited claim, then that claim fails and it exits 1', async () => {
    const { code, stdout } = await run(await write('copy-broken.json', tailoredCopy(withoutEscalation)), '--json');
    const result = JSON.parse(stdout) as CheckResult;
    expect(result.verdicts.find((v) => v.requirement === '8.6.1.c')).toMatchObject({ status: 'fail' });
    expect(code).toBe(1);
  });

  test('given a copy that drops some claims, then each dropped claim fails with CLAIM_DROPPED', async () => {
    const kept = shippedIncident().claims!.filter((c) => c !== '8.6.1.c' && c !== '8.6.1.d');
    const { code, stdout } = await run(
      await write(
        'copy-dropped.json',
        tailoredCopy((d) => (d.claims = kept)),
      ),
      '--json',
    );
    const result = JSON.parse(stdout) as CheckResult;
    for (const requirement of ['8.6.1.c', '8.6.1.d']) {
      expect(
        result.verdicts.find((v) => v.requirement === requirement),
        requirement,
      ).toMatchObject({
        status: 'fail',
        failures: [{ code: 'CLAIM_DROPPED' }],
      });
    }
    expect(code).toBe(1);
  });

  test('given a copy whose derivedFrom names no template the CLI can find, then TEMPLATE_NOT_FOUND and exit 1, never a pass', async () => {
    const ghost = tailoredCopy(
      (d) => (d.derivedFrom = { packName: 'someone-elses-pack', templateKey: 'incident', version: 9 }),
    );
    const { code, stdout } = await run(await write('copy-ghost.json', ghost));
    expect(stdout).toContain('TEMPLATE_NOT_FOUND /derivedFrom');
    expect(stdout).toContain('someone-elses-pack/incident v9');
    expect(code).toBe(1);
    const zh = await run(await write('copy-ghost.json', ghost), '--lang', 'zh');
    expect(zh.stdout).toContain('目录中没有模板');
  });

  test('given a copy of a template only a pack file holds, then --pack resolves it', async () => {
    const template = { ...shippedIncident(), key: 'vendor-incident', version: 4 };
    const pack = buildPack({ ...shippedPackInfo(), name: 'vendor-pack', version: '2.0.0' }, [template]);
    const copy = tailoredCopy((d) => {
      d.derivedFrom = { packName: 'vendor-pack', templateKey: 'vendor-incident', version: 4 };
      withoutEscalation(d);
    });
    const file = await write('copy-vendor.json', copy);
    expect((await run(file)).stdout).toContain('TEMPLATE_NOT_FOUND');
    const withPack = await run(file, '--pack', await write('vendor-pack.json', pack), '--json');
    const result = JSON.parse(withPack.stdout) as CheckResult;
    expect(result.verdicts.find((v) => v.requirement === '8.6.1.c')).toMatchObject({ status: 'fail' });
    expect(withPack.code).toBe(1);
  });

  test('given a copy whose tagged state no transition reaches any more, then the requirement fails with STATE_UNREACHABLE at that state', async () => {
    const unreachable = tailoredCopy((d) => {
      d.transitions = d.transitions.filter((t) => t.to !== 'major-incident');
    });
    const { code, stdout } = await run(await write('copy-unreachable.json', unreachable), '--json');
    const result = JSON.parse(stdout) as CheckResult;
    const failures = result.verdicts.flatMap((v) => (v.status === 'fail' ? v.failures : []));
    const at = shippedIncident().states.findIndex((state) => state.id === 'major-incident');
    expect(failures).toContainEqual(expect.objectContaining({ code: 'STATE_UNREACHABLE', pointer: `/states/${at}` }));
    expect(code).toBe(1);
  });

  test('given a definition with validation errors, then it is not checkable: the errors, no verdicts, exit 1', async () => {
    const broken = tailoredCopy((d) => {
      d.transitions[0] = { ...d.transitions[0]!, to: 'nowhere' };
    });
    const { code, stdout } = await run(await write('copy-invalid.json', broken));
    expect(stdout).toMatch(/\/transitions\/0\/to/);
    expect(stdout).toContain('not checkable');
    expect(stdout).not.toMatch(/\bpass\b/);
    expect(code).toBe(1);
    const json = await run(await write('copy-invalid.json', broken), '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, checkable: false });
  });
});
