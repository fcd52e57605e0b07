import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import mapData from '../../../../catalog/assertions/iso-iec-20000-1-2018.assertions.json' with { type: 'json' };
import setData from '../../../../catalog/requirements/iso-iec-20000-1-2018.json' with { type: 'json' };
import { AssertionMap } from '../assertions/assertion-map.ts';
import { breakAssertion, synthesize } from '../assertions/fixtures/synthesize.ts';
import type { RequirementSet } from '../requirement-set/index.ts';
import { check } from './check.ts';

const requirementSet = setData as unknown as RequirementSet;
const assertionMap = mapData as unknown as AssertionMap;
const clause8 = requirementSet.requirements.filter((r) => r.kind === 'process' && r.clause.split('.')[0] === '8');
const byId = new Map(requirementSet.requirements.map((r) => [r.id, r]));

describe('the ISO/IEC 20000-1:2018 assertion map', () => {
  it('given the map file, then it is a valid assertion map for this requirement set', () => {
    expect([...Value.Errors(AssertionMap, mapData)]).toEqual([]);
    expect(assertionMap.requirementSet).toBe(requirementSet.id);
  });

  it('given the requirement data, then every process requirement of clause 8 has assertions', () => {
    expect(clause8.length).toBeGreaterThan(0);
    const unmapped = clause8.filter((r) => !(assertionMap.assertions[r.id]?.length ?? 0)).map((r) => r.id);
    expect(unmapped).toEqual([]);
  });

  it('given the map, then every key names a process requirement of the data', () => {
    const stray = Object.keys(assertionMap.assertions).filter((id) => byId.get(id)?.kind !== 'process');
    expect(stray).toEqual([]);
  });
});

describe('clause 8: a passing and a failing fixture for every process requirement', () => {
  for (const requirement of clause8) {
    const assertions = assertionMap.assertions[requirement.id] ?? [];
    const fixture = () => {
      const d = synthesize(assertions, requirement.processes ?? []);
      d.claims = [requirement.id];
      return d;
    };
    const verdictOf = (d: ReturnType<typeof fixture>) =>
      check(d, requirementSet, assertionMap).verdicts.find((v) => v.requirement === requirement.id)!;

    it(`given a definition with the elements ${requirement.id} needs, when checked, then ${requirement.id} passes`, () => {
      const verdict = verdictOf(fixture());
      expect(verdict.status === 'fail' ? verdict.failures : []).toEqual([]);
      expect(verdict.status).toBe('pass');
    });

    assertions.forEach((assertion, n) => {
      it(`given that definition without what ${assertion.kind} #${n + 1} needs, then ${requirement.id} fails pointing at it`, () => {
        const d = fixture();
        const expected = breakAssertion(d, assertion);
        const verdict = verdictOf(d);
        expect(verdict.status).toBe('fail');
        const failures = verdict.status === 'fail' ? verdict.failures : [];
        const ours = failures.filter((f) => JSON.stringify(f.assertion) === JSON.stringify(assertion));
        expect(ours.map((f) => f.pointer)).toContain(expected);
        for (const f of ours) {
          expect(f.explanation.en).not.toMatch(/\{[a-zA-Z]+\}/);
          expect(f.explanation.zh).not.toMatch(/\{[a-zA-Z]+\}/);
        }
      });
    });
  }
});
