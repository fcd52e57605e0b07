import incidentJson from '../examples/incident.json' with { type: 'json' };
import type { Definition } from '../src/index.ts';

/**
 * A valid definition with `count` states in a chain (each with a `next` and, after the first,
 * a guarded `back` transition), reusing the incident example's record, roles, decision, forms,
 * clock and calendar. The clock starts in the first state and stops in the final one.
 */
export function generateDefinition(count: number): Definition {
  const base = incidentJson as unknown as Definition;
  const label = (n: number) => ({ en: `Step ${n}`, zh: `步骤 ${n}` });
  const states: Definition['states'] = [];
  const transitions: Definition['transitions'] = [];
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    states.push({
      id: `s${i}`,
      label: label(i),
      tags: i === 0 ? ['recorded'] : last ? ['closed'] : [],
      kind: last ? 'final' : 'normal',
      actors: last ? undefined : ['agent'],
      ...(i === 0 ? { clocks: [{ clock: 'resolution', action: 'start' as const }] } : {}),
      ...(last ? { clocks: [{ clock: 'resolution', action: 'stop' as const }] } : {}),
      ...(i % 10 === 5 ? { timers: [{ id: `t${i}`, after: 'PT1H', time: 'calendar' as const, event: 'next' }] } : {}),
    });
    if (!last) transitions.push({ id: `next-${i}`, from: `s${i}`, event: 'next', to: `s${i + 1}`, label: label(i) });
    if (i > 0 && !last) {
      transitions.push({
        id: `back-${i}`,
        from: `s${i}`,
        event: 'back',
        to: `s${i - 1}`,
        label: label(i),
        guard: { decision: 'priority-matrix', output: 'major', equals: false },
      });
    }
  }
  return {
    ...base,
    key: 'generated',
    initialState: 's0',
    states: states.map((s) => JSON.parse(JSON.stringify(s)) as Definition['states'][number]),
    transitions,
  };
}
