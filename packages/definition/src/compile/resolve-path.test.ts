import { describe, expect, it } from 'vitest';
import { CompiledRules, type StoredRule } from './rule-engine.ts';
import { ownFacts, resolveOwnPath } from './resolve-path.ts';

describe('the own-property path resolver', () => {
  it('given nested own properties, when resolving a path, then the value is found', () => {
    expect(resolveOwnPath({ a: { b: { c: 3 } } }, '$.a.b.c')).toBe(3);
    expect(resolveOwnPath({ a: [10, 20] }, '$.a.1')).toBe(20);
  });

  it('given prototype keys, when resolving, then nothing resolves', () => {
    const data = { a: {} };
    for (const path of [
      '$.constructor',
      '$.__proto__',
      '$.a.constructor',
      '$.a.__proto__',
      '$.toString',
      '$.a.hasOwnProperty',
    ]) {
      expect(resolveOwnPath(data, path)).toBeUndefined();
    }
    expect(resolveOwnPath('text', '$.length')).toBeUndefined();
  });

  it('given data parsed from JSON with a __proto__ key, when made into facts, then it stays a plain key and pollutes nothing', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>;
    const facts = ownFacts(parsed);
    expect(Object.getPrototypeOf(facts)).toBeNull();
    expect(facts['x']).toBe(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('given rules on prototype facts and paths, when run, then they never match', async () => {
    const rules = new CompiledRules([
      {
        name: 'ctor',
        priority: 1,
        conditions: { all: [{ fact: 'constructor', operator: 'notEqual', value: null }] },
        event: { type: 'x' },
      },
      {
        name: 'path',
        priority: 1,
        conditions: { all: [{ fact: 'record', path: '$.constructor', operator: 'notEqual', value: null }] },
        event: { type: 'x' },
      },
      {
        name: 'proto',
        priority: 1,
        conditions: { all: [{ fact: 'record', path: '$.__proto__', operator: 'notEqual', value: null }] },
        event: { type: 'x' },
      },
    ] as unknown as StoredRule[]);
    const run = await rules.run(ownFacts({ record: { title: 'x' } }));
    // notEqual(undefined, null) holds, so a resolved prototype member would show up as an actual value.
    for (const rule of run.rules) {
      expect(rule.conditions).toMatchObject({ conditions: [{ actual: null }] });
    }
  });
});
