import { describe, expect, it } from 'vitest';
import incident from '../../examples/incident.json' with { type: 'json' };
import type { Definition } from '../format/definition.ts';
import { diffDefinitions } from './diff-definitions.ts';

const base = incident as unknown as Definition;
const clone = (): Definition => JSON.parse(JSON.stringify(base)) as Definition;

describe('diffDefinitions', () => {
  it('given the same definition with another version number, when diffed, then it is identical', () => {
    const next = clone();
    next.version = 2;
    const diff = diffDefinitions(base, next);
    expect(diff.identical).toBe(true);
    expect(diff.meta).toEqual([]);
  });

  it('given reordered states, when diffed, then nothing changed (identity is by id)', () => {
    const next = clone();
    next.states.reverse();
    expect(diffDefinitions(base, next).identical).toBe(true);
  });

  it('given a state added, one removed and one relabelled, when diffed, then each is reported by id with a pointer', () => {
    const next = clone();
    next.states = next.states.filter((s) => s.id !== 'waiting-for-customer');
    next.states.push({ id: 'on-hold', label: { en: 'On hold', zh: '暂停' }, tags: ['open'], kind: 'normal' });
    const resolved = next.states.find((s) => s.id === 'resolved');
    if (!resolved) throw new Error('fixture lacks resolved');
    resolved.label = { en: 'Fixed', zh: '已修复' };
    const diff = diffDefinitions(base, next);
    expect(diff.identical).toBe(false);
    expect(diff.collections.states.added).toEqual(['on-hold']);
    expect(diff.collections.states.removed).toEqual(['waiting-for-customer']);
    expect(diff.collections.states.changed).toEqual([
      {
        id: 'resolved',
        changes: [
          { path: '/label/en', before: 'Resolved', after: 'Fixed' },
          { path: '/label/zh', before: '已解决', after: '已修复' },
        ],
      },
    ]);
  });

  it('given a changed decision row, a new field and a new title, when diffed, then rules, fields and meta report them', () => {
    const next = clone();
    const row = next.decisions[0]?.rows[0];
    if (!row) throw new Error('fixture lacks a decision row');
    row.then['priority'] = 'P2';
    next.record.schema.properties['location'] = { type: 'string', 'x-label': { en: 'Location', zh: '地点' } };
    next.title = { en: 'Incidents', zh: '事件' };
    const diff = diffDefinitions(base, next);
    expect(diff.collections.decisions.changed[0]?.id).toBe('priority-matrix');
    expect(diff.collections.decisions.changed[0]?.changes).toEqual([
      { path: '/rows/0/then/priority', before: 'P1', after: 'P2' },
    ]);
    expect(diff.collections.fields.added).toEqual(['location']);
    expect(diff.meta.map((c) => c.path)).toEqual(['/title/en', '/title/zh']);
  });

  it('given a property removed from a transition, when diffed, then the change has only a before value', () => {
    const next = clone();
    const accept = next.transitions.find((t) => t.id === 'accept');
    if (!accept) throw new Error('fixture lacks accept');
    delete accept.form;
    const changes = diffDefinitions(base, next).collections.transitions.changed[0]?.changes;
    expect(changes).toEqual([{ path: '/form', before: 'triage' }]);
  });
});
