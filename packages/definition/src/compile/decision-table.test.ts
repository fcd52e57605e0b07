import { describe, expect, it } from 'vitest';
import type { DecisionTable } from '../format/decision.ts';
import { compileDecision, evaluateDecision } from './decision-table.ts';
import { ownFacts } from './resolve-path.ts';

const label = { en: 'Risk', zh: '风险' };

function table(hitPolicy: DecisionTable['hitPolicy']): DecisionTable {
  // Cast: the format's Operator type is a TypeBox union built with map() and types as never.
  return {
    id: 'risk',
    label,
    hitPolicy,
    trigger: 'change',
    inputs: [{ id: 'score', field: 'score' }],
    outputs: [{ id: 'level', field: 'riskLevel' }],
    rows: [
      {
        id: 'any-score',
        when: { score: { operator: 'greaterThanInclusive', value: 0 } },
        then: { level: 'low' },
        priority: 1,
      },
      { id: 'over-50', when: { score: { operator: 'greaterThan', value: 50 } }, then: { level: 'high' }, priority: 3 },
      {
        id: 'over-20',
        when: { score: { operator: 'greaterThan', value: 20 } },
        then: { level: 'medium' },
        priority: 2,
      },
    ],
  } as unknown as DecisionTable;
}

const run = (policy: DecisionTable['hitPolicy'], score: unknown) =>
  evaluateDecision(compileDecision(table(policy)), ownFacts({ score }), 'explicit');

describe('decision tables compiled to json-rules-engine rules', () => {
  it('given hit policy first, when several rows match, then the first row in order wins', async () => {
    const t = await run('first', 70);
    expect(t.matchedRows).toEqual(['any-score', 'over-50', 'over-20']);
    expect(t.outputs).toEqual({ level: 'low' });
  });

  it('given hit policy priority, when several rows match, then the highest priority wins', async () => {
    expect((await run('priority', 70)).outputs).toEqual({ level: 'high' });
    expect((await run('priority', 30)).outputs).toEqual({ level: 'medium' });
  });

  it('given hit policy collect, when several rows match, then every output becomes a list in row order', async () => {
    expect((await run('collect', 30)).outputs).toEqual({ level: ['low', 'medium'] });
    expect((await run('collect', -1)).outputs).toEqual({ level: [] });
  });

  it('given hit policy unique, when exactly one row matches, then its outputs apply; when more match, then none and UNIQUE_VIOLATED', async () => {
    const one = await run('unique', 10);
    expect(one).toMatchObject({ matchedRows: ['any-score'], outputs: { level: 'low' } });
    expect(one.problem).toBeUndefined();
    const many = await run('unique', 70);
    expect(many).toMatchObject({ outputs: {}, problem: 'UNIQUE_VIOLATED' });
  });

  it('given no matching row, when evaluated, then outputs are empty and NO_ROW_MATCHED is traced with the fact values', async () => {
    const t = await run('first', -5);
    expect(t).toMatchObject({ outputs: {}, problem: 'NO_ROW_MATCHED', inputs: { score: -5 } });
    expect(t.rows[0]?.conditions).toMatchObject({
      kind: 'all',
      result: false,
      conditions: [
        { kind: 'fact', fact: 'score', operator: 'greaterThanInclusive', expected: 0, actual: -5, result: false },
      ],
    });
  });

  it('given an absent input field, when evaluated, then the undefined fact simply fails to match', async () => {
    const t = await evaluateDecision(compileDecision(table('first')), ownFacts({}), 'explicit');
    expect(t.problem).toBe('NO_ROW_MATCHED');
  });

  it('given a compiled table, when its stored rules are serialised, then they are plain data without functions', () => {
    const compiled = compileDecision(table('first'));
    expect(JSON.parse(JSON.stringify(compiled.engine.rules))).toEqual(compiled.engine.rules);
    expect(compiled.engine.rules[1]).toEqual({
      name: 'over-50',
      priority: 1,
      conditions: { all: [{ fact: 'score', operator: 'greaterThan', value: 50 }] },
      event: { type: 'row', params: { row: 'over-50' } },
    });
  });
});
