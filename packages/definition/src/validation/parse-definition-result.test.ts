/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   the cases deliberately break the definition's types: they mutate a loosely typed copy. */
import { describe, expect, test } from 'vitest';
import { parseDefinition } from './parse-definition.ts';
import { incidentExample } from './test-definitions.ts';

/** Loose access for mutating a cloned example into a broken one. */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('parseDefinition', () => {
  test('given the incident example, when parsed, then it is valid with no issue at all', () => {
    const result = parseDefinition(incidentExample());
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.definition?.key).toBe('incident');
  });

  test('given a definition with an error, then valid is false but the definition is returned for editing', () => {
    const d = incidentExample() as Loose;
    d.transitions[0].to = 'triage';
    const result = parseDefinition(d);
    expect(result.valid).toBe(false);
    expect(result.definition).toBeDefined();
  });

  test.each([null, 42, 'incident', [], {}, { formatVersion: 1 }, { formatVersion: 99 }])(
    'given %j, when parsed, then it answers with schema issues and no definition',
    (input) => {
      const result = parseDefinition(input);
      expect(result.definition).toBeUndefined();
      expect(result.valid).toBe(false);
      expect(result.issues.length).toBeGreaterThan(0);
      expect(result.issues.every((issue) => issue.code === 'SCHEMA_VIOLATION')).toBe(true);
    },
  );

  test('given a guard condition nested 200,000 levels deep, when parsed, then it does not throw and reports ANALYSIS_FAILED', () => {
    const d = incidentExample() as Loose;
    let condition: unknown = { fact: 'impact', operator: 'equal', value: 'high' };
    for (let i = 0; i < 200_000; i++) condition = { not: condition };
    d.transitions[1].guard = { condition };
    const result = parseDefinition(d);
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([['ANALYSIS_FAILED', '']]);
  });
});
