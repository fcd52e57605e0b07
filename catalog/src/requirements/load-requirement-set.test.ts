import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@clauseflow/embedded-db';
import type { Requirement, RequirementSet } from '@clauseflow/conformance';
import { loadRequirementSet, parseRequirementSet, RequirementSetError } from './load-requirement-set.ts';
import { isProcessAreaKey } from './process-areas.ts';

const CJK = /[\u4e00-\u9fff]/;

function copy(): RequirementSet {
  return structuredClone(loadRequirementSet());
}

function problemsOf(data: unknown): readonly string[] {
  try {
    parseRequirementSet(data, 'fixture');
  } catch (error) {
    if (error instanceof RequirementSetError) return error.problems;
    throw error;
  }
  return [];
}

describe('the shipped ISO/IEC 20000-1:2018 requirement set', () => {
  const set = loadRequirementSet();

  it('validates against the schema and the integrity rules', () => {
    expect(set.id).toBe('iso-iec-20000-1-2018');
    expect(set.standard).toBe('ISO/IEC 20000-1:2018');
    expect(set.requirements.length).toBeGreaterThan(0);
  });

  it('gives every requirement a unique id, and every item an existing parent of its own clause', () => {
    const ids = set.requirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const byId = new Map(set.requirements.map((r) => [r.id, r]));
    for (const r of set.requirements.filter((x) => x.parent !== undefined)) {
      expect(byId.get(r.parent ?? '')?.clause, r.id).toBe(r.clause);
    }
  });

  it('gives every kind its matching section and no other', () => {
    for (const r of set.requirements as readonly Requirement[]) {
      const sections = ['platform', 'organizational'].filter((s) => s in r);
      expect(sections, r.id).toEqual(r.kind === 'process' ? [] : [r.kind]);
    }
  });

  it('covers only clauses 4 to 10', () => {
    for (const r of set.requirements) {
      const top = Number(r.clause.split('.')[0]);
      expect(top >= 4 && top <= 10, r.id).toBe(true);
    }
  });

  it('names only process areas and templates the catalogue knows', () => {
    for (const r of set.requirements) {
      for (const key of r.processes ?? []) expect(isProcessAreaKey(key), `${r.id}: ${key}`).toBe(true);
      if (r.kind === 'organizational' && r.organizational.template !== undefined) {
        expect(isProcessAreaKey(r.organizational.template), `${r.id}: ${r.organizational.template}`).toBe(true);
      }
    }
  });

  it('names only tests that exist when a platform requirement says it is proven', () => {
    for (const r of set.requirements) {
      if (r.kind !== 'platform' || r.platform.provenBy === null) continue;
      expect(r.platform.provenBy, r.id).toMatch(/\.test\.tsx?$/);
      expect(existsSync(join(repoRoot(), r.platform.provenBy)), r.id).toBe(true);
    }
  });

  it('writes English texts in English and Chinese texts in Chinese', () => {
    for (const r of set.requirements) {
      const texts = [r.title, r.text];
      if (r.kind === 'platform') texts.push(r.platform.feature);
      if (r.kind === 'organizational') texts.push(r.organizational.evidence);
      for (const t of texts) {
        expect(CJK.test(t.en), `${r.id} en: ${t.en}`).toBe(false);
        expect(CJK.test(t.zh), `${r.id} zh: ${t.zh}`).toBe(true);
      }
    }
  });

  it('is loaded once and frozen', () => {
    expect(loadRequirementSet()).toBe(set);
    expect(Object.isFrozen(set.requirements[0])).toBe(true);
  });
});

describe('parseRequirementSet on a broken set', () => {
  it('names the requirement and the missing section when a platform requirement has no platform part', () => {
    const data = copy();
    const index = data.requirements.findIndex((r) => r.kind === 'organizational');
    const target = data.requirements[index] as Record<string, unknown>;
    target['kind'] = 'platform';
    const problems = problemsOf(data);
    expect(problems).toContain(
      `requirement ${String(target['id'])} (/requirements/${index}): must have required property 'platform'`,
    );
    expect(problems).toContain(
      `requirement ${String(target['id'])} (/requirements/${index}): must NOT have additional properties: 'organizational'`,
    );
    // Only the branch that `kind` selects is reported, not the other two.
    expect(problems).toHaveLength(2);
  });

  it('reports an unknown kind in one line', () => {
    const data = copy();
    (data.requirements[0] as Record<string, unknown>)['kind'] = 'magic';
    expect(problemsOf(data)).toEqual([
      `requirement ${data.requirements[0]?.id} (/requirements/0/kind): must be one of process, platform, organizational, not "magic"`,
    ]);
  });

  it('lists the alternatives when provenBy is neither a path nor null', () => {
    const data = copy();
    const index = data.requirements.findIndex((r) => r.kind === 'platform');
    const target = data.requirements[index];
    if (target?.kind !== 'platform') throw new Error('the set has no platform requirement');
    (target.platform as Record<string, unknown>)['provenBy'] = 42;
    expect(problemsOf(data)).toEqual([
      `requirement ${target.id} (/requirements/${index}/platform/provenBy): must be string or must be null`,
    ]);
  });

  it('rejects a missing Chinese text and a malformed id', () => {
    const data = copy();
    const first = data.requirements[0] as unknown as { id: string; title: Record<string, unknown> };
    delete first.title['zh'];
    first.id = '8.6.1.A';
    const problems = problemsOf(data);
    expect(problems.some((p) => p.endsWith("/requirements/0/title): must have required property 'zh'"))).toBe(true);
    expect(problems.some((p) => p.includes('/requirements/0/id): must match pattern'))).toBe(true);
  });

  it('rejects duplicate ids and unknown parents with coded problems', () => {
    const data = copy();
    const item = data.requirements.findIndex((r) => r.parent !== undefined);
    const second = data.requirements[1];
    if (!second || item < 0) throw new Error('fixture needs two requirements and an item');
    data.requirements.push({ ...second });
    data.requirements[item] = { ...data.requirements[item], parent: '99.9-1' } as Requirement;
    const problems = problemsOf(data);
    expect(
      problems.some((p) =>
        p.startsWith(`DUPLICATE_REQUIREMENT_ID at /requirements/${data.requirements.length - 1}/id`),
      ),
    ).toBe(true);
    expect(problems.some((p) => p.startsWith(`UNKNOWN_PARENT at /requirements/${item}/parent`))).toBe(true);
  });

  it('rejects something that is not a set at all', () => {
    expect(problemsOf([])).toEqual(['/: must be object']);
  });
});
