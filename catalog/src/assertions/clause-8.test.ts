import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { AssertionMap } from '@clauseflow/conformance';
import {
  assertionMap,
  isMapped,
  itProvesEachAssertion,
  processRequirementsOf,
  requirementSet,
  shippedMapData,
} from './requirement-fixtures.ts';

const clause8 = processRequirementsOf('8');
const byId = new Map(requirementSet.requirements.map((r) => [r.id, r]));

describe('the ISO/IEC 20000-1:2018 assertion map', () => {
  it('given the map file, then it is a valid assertion map for this requirement set', () => {
    expect([...Value.Errors(AssertionMap, shippedMapData)]).toEqual([]);
    expect(assertionMap.requirementSet).toBe(requirementSet.id);
  });

  it('given the requirement data, then every process requirement of clause 8 has assertions', () => {
    expect(clause8.length).toBeGreaterThan(0);
    expect(clause8.filter((r) => !isMapped(r)).map((r) => r.id)).toEqual([]);
  });

  it('given the map, then every key names a process requirement of the data', () => {
    const stray = Object.keys(assertionMap.assertions).filter((id) => byId.get(id)?.kind !== 'process');
    expect(stray).toEqual([]);
  });
});

describe('clause 8: a passing and a failing fixture for every process requirement', () => {
  for (const requirement of clause8) itProvesEachAssertion(requirement);
});
