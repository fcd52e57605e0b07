import { describe, expect, test } from 'vitest';
import type { Definition } from '../format/definition.ts';
import { parseDefinition } from './parse-definition.ts';
import { incidentExample } from './test-definitions.ts';

/** A chain of `n` states, each with a step forward and a step back, ending in a final state. */
function chain(n: number): Definition {
  const d = incidentExample();
  const label = { en: 'S', zh: '状' };
  d.states = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    label,
    tags: [],
    kind: i === n - 1 ? ('final' as const) : ('normal' as const),
    ...(i === 0 ? { clocks: [{ clock: 'resolution', action: 'start' as const }] } : {}),
    ...(i === n - 2 ? { clocks: [{ clock: 'resolution', action: 'stop' as const }] } : {}),
  }));
  d.transitions = d.states
    .slice(1)
    .flatMap((state, i) => [
      { id: `f${i}`, from: `s${i}`, event: 'next', to: state.id, label },
      ...(i > 0 ? [{ id: `b${i}`, from: `s${i}`, event: 'back', to: `s${i - 1}`, label }] : []),
    ]);
  d.initialState = 's0';
  d.startForm = undefined;
  return d;
}

describe('validation at scale', () => {
  test('given a 5,000-state definition, when parsed, then every check runs (each linear in states + transitions) and finds nothing wrong', () => {
    const d = chain(5000);
    const result = parseDefinition(d);
    expect(result.issues).toEqual([]);
  });

  test('given a 5,000-state definition whose step into the final state is redirected, then every other state reports NO_PATH_TO_FINAL', () => {
    const d = chain(5000);
    d.transitions.find((t) => t.to === 's4999')!.to = 's0';
    const issues = parseDefinition(d).issues;
    expect(issues.filter((i) => i.code === 'NO_PATH_TO_FINAL').length).toBe(4999);
    expect(issues.filter((i) => i.code === 'UNREACHABLE_STATE').map((i) => i.path)).toEqual(['/states/4999']);
  });
});
