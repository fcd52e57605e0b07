import { describe, expect, it } from 'vitest';
import incident from '../../examples/incident.json' with { type: 'json' };
import type { Definition } from '../format/definition.ts';
import { mergeTemplateUpgrade } from './three-way-merge.ts';

const clone = (): Definition => JSON.parse(JSON.stringify(incident)) as Definition;
function state(d: Definition, id: string) {
  const found = d.states.find((s) => s.id === id);
  if (!found) throw new Error(`no state ${id}`);
  return found;
}

describe('mergeTemplateUpgrade', () => {
  it('given template changes the copy did not touch, when merged, then they are applied and the copy keeps its own edits', () => {
    const base = clone();
    const template = clone();
    template.version = 2;
    state(template, 'resolved').label = { en: 'Resolved (awaiting confirmation)', zh: '已解决（待确认）' };
    template.states.push({
      id: 'cancelled',
      label: { en: 'Cancelled', zh: '已取消' },
      tags: ['closed'],
      kind: 'final',
    });
    const copy = clone();
    copy.key = 'incident-acme';
    copy.derivedFrom = { packName: 'core', templateKey: 'incident', version: 1 };
    state(copy, 'new').label = { en: 'Logged', zh: '已登记' };

    const { merged, applied, conflicts } = mergeTemplateUpgrade(base, template, copy);
    expect(conflicts).toEqual([]);
    expect(applied).toEqual([
      { scope: 'states', id: 'resolved', kind: 'changed' },
      { scope: 'states', id: 'cancelled', kind: 'added' },
    ]);
    expect(state(merged, 'resolved').label.en).toBe('Resolved (awaiting confirmation)');
    expect(state(merged, 'new').label.en).toBe('Logged');
    expect(merged.key).toBe('incident-acme');
    expect(merged.version).toBe(1);
    expect(merged.derivedFrom).toEqual(copy.derivedFrom);
  });

  it('given an element both changed differently, when merged, then it is a conflict and the copy’s version stays', () => {
    const base = clone();
    const template = clone();
    const copy = clone();
    state(template, 'in-progress').timers = [
      { id: 'escalation', after: 'PT1H', time: 'business', calendar: 'business-hours', event: 'escalate' },
    ];
    state(copy, 'in-progress').timers = [
      { id: 'escalation', after: 'PT3H', time: 'business', calendar: 'business-hours', event: 'escalate' },
    ];
    const { merged, conflicts, applied } = mergeTemplateUpgrade(base, template, copy);
    expect(applied).toEqual([]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ scope: 'states', id: 'in-progress' });
    expect(state(merged, 'in-progress').timers?.[0]?.after).toBe('PT3H');
  });

  it('given the template removes an element the copy changed, when merged, then that is a conflict and the element stays', () => {
    const base = clone();
    const template = clone();
    template.transitions = template.transitions.filter((t) => t.id !== 'reopen');
    const copy = clone();
    const reopen = copy.transitions.find((t) => t.id === 'reopen');
    if (!reopen) throw new Error('no reopen');
    reopen.actors = ['requester', 'agent'];
    const { merged, conflicts } = mergeTemplateUpgrade(base, template, copy);
    expect(conflicts.map((c) => [c.scope, c.id])).toEqual([['transitions', 'reopen']]);
    expect(merged.transitions.some((t) => t.id === 'reopen')).toBe(true);
  });

  it('given a new template field and a changed title, when the copy kept both, then both are taken', () => {
    const base = clone();
    const template = clone();
    template.record.schema.properties['service'] = { type: 'string', 'x-label': { en: 'Service', zh: '服务' } };
    template.title = { en: 'Incident management (2)', zh: '事件管理（二）' };
    const { merged, applied } = mergeTemplateUpgrade(base, template, clone());
    expect(merged.record.schema.properties['service']).toBeDefined();
    expect(merged.title.en).toBe('Incident management (2)');
    expect(applied).toEqual([
      { scope: 'fields', id: 'service', kind: 'added' },
      { scope: 'meta', id: 'title', kind: 'changed' },
    ]);
  });
});
