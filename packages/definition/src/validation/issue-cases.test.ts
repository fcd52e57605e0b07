/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   the cases deliberately break the definition's types: they mutate a loosely typed copy. */
import { describe, expect, test } from 'vitest';
import { ISSUE_CASES, parseMutated } from './issue-cases.ts';
import { ISSUE_CODE_LIST } from './issue-codes.ts';

describe('parseDefinition: each issue code at its path', () => {
  test.each(ISSUE_CASES)('given $when, when parsed, then $code is reported at exactly $paths', (c) => {
    const issues = parseMutated(c.trigger).issues.filter((issue) => issue.code === c.code);
    expect(issues.map((issue) => issue.path)).toEqual(c.paths);
  });

  test.each(ISSUE_CASES)('given a near miss of "$when", when parsed, then no $code is reported', (c) => {
    const issues = parseMutated(c.clean).issues.filter((issue) => issue.code === c.code);
    expect(issues).toEqual([]);
  });

  test('given the cases above, then every catalogued code except MIGRATED, ANALYSIS_FAILED and UNKNOWN_REFERENCED_PROCESS is covered (those have tests of their own)', () => {
    const covered = new Set([
      ...ISSUE_CASES.map((c) => c.code),
      'MIGRATED',
      'ANALYSIS_FAILED',
      'UNKNOWN_REFERENCED_PROCESS',
    ]);
    expect(ISSUE_CODE_LIST.filter((code) => !covered.has(code))).toEqual([]);
  });

  test('given a decision table gap and an overlap, then the params name the decision, rows and combination', () => {
    const gap = parseMutated((d) => d.decisions[0].rows.splice(8, 1)).issues.find(
      (i) => i.code === 'DECISION_TABLE_GAP',
    );
    expect(gap?.params).toEqual({ decision: 'priority-matrix', combination: 'impact = "low", urgency = "low"' });
    expect(gap?.severity).toBe('warning');
    const overlap = parseMutated(
      (d) => (d.decisions[0].rows[8].when.urgency = { operator: 'in', value: ['low', 'medium'] }),
    ).issues.find((i) => i.code === 'DECISION_TABLE_OVERLAP');
    expect(overlap?.params).toEqual({
      decision: 'priority-matrix',
      row: 'r-low-low',
      other: 'r-low-medium',
      combination: 'impact = "low", urgency = "medium"',
    });
  });
});
