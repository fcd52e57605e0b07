/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   the cases deliberately break the definition's types: they mutate a loosely typed copy. */
import { describe, expect, test } from 'vitest';
import { parseDefinition } from '../parse-definition.ts';
import { incidentExample } from '../test-definitions.ts';

/** Loose access for mutating a cloned example into a broken one. */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The issues of the incident example's priority matrix after `mutate` changed it. */
function issuesAfter(mutate: (d: Loose) => void) {
  const d = incidentExample() as Loose;
  mutate(d);
  return parseDefinition(d).issues;
}

describe('decision table coverage', () => {
  test('given a decision table gap and an overlap, then the params name the decision, rows and combination', () => {
    const gap = issuesAfter((d) => d.decisions[0].rows.splice(8, 1)).find((i) => i.code === 'DECISION_TABLE_GAP');
    expect(gap?.params).toEqual({ decision: 'priority-matrix', combination: 'impact = "low", urgency = "low"' });
    expect(gap?.severity).toBe('warning');
    const overlap = issuesAfter(
      (d) => (d.decisions[0].rows[8].when.urgency = { operator: 'in', value: ['low', 'medium'] }),
    ).find((i) => i.code === 'DECISION_TABLE_OVERLAP');
    expect(overlap?.params).toEqual({
      decision: 'priority-matrix',
      row: 'r-low-low',
      other: 'r-low-medium',
      combination: 'impact = "low", urgency = "medium"',
    });
  });
});
