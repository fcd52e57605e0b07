import type { Definition } from '../../format/definition.ts';
import type { Effect } from '../../format/effect.ts';
import { createIssue, type Issue } from '../issue.ts';
import { childPointer, pointer } from '../json-pointer.ts';
import { buildStateGraph } from './state-graph.ts';
import { indexById } from './visit.ts';

/** The last start/stop a list of effects applies to `clock` (later effects win). */
function lastClockEffect(
  effects: readonly Effect[] | undefined,
  clock: string,
): { action: 'start' | 'stop'; index: number } | undefined {
  let last: { action: 'start' | 'stop'; index: number } | undefined;
  effects?.forEach((effect, index) => {
    if (effect.type === 'startClock' && effect.clock === clock) last = { action: 'start', index };
    if (effect.type === 'stopClock' && effect.clock === clock) last = { action: 'stop', index };
  });
  return last;
}

/**
 * CLOCK_NEVER_STOPS: from a place where a clock starts (a state's clock action or entry effect,
 * or a transition's effect), some path reaches a final state on which the clock is never stopped
 * (pausing is not stopping). Per clock, one backward search from the final states over the
 * steps that do not stop it: linear in states + transitions.
 */
export function checkClockStops(definition: Definition): Issue[] {
  const issues: Issue[] = [];
  const graph = buildStateGraph(definition);
  const stateIndex = indexById(definition.states);
  for (const clock of definition.clocks) {
    const id = clock.id;
    // Entering a state: transition effects run before the state's entry actions, so the state wins.
    const entry = definition.states.map((state, i) => {
      const action = state.clocks?.findLast((a) => a.clock === id && a.action !== 'pause');
      const effect = lastClockEffect(state.onEntry, id);
      if (effect !== undefined) return { action: effect.action, path: pointer('states', i, 'onEntry', effect.index) };
      if (action !== undefined) {
        return { action: action.action, path: pointer('states', i, 'clocks', state.clocks!.indexOf(action)) };
      }
      return undefined;
    });
    // runsToFinal[s]: with the clock running in s, some path reaches a final state unstopped.
    const finalOf = new Array<string | undefined>(definition.states.length).fill(undefined);
    const queue: number[] = [];
    definition.states.forEach((state, i) => {
      if (state.kind === 'final' && entry[i]?.action !== 'stop') {
        finalOf[i] = state.id;
        queue.push(i);
      }
    });
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head]!;
      for (const edge of graph.in[s] ?? []) {
        if (finalOf[edge.from] !== undefined || entry[s]?.action === 'stop') continue;
        const transition = definition.transitions[edge.transition];
        if (lastClockEffect(transition?.effects, id)?.action === 'stop') continue;
        finalOf[edge.from] = finalOf[s];
        queue.push(edge.from);
      }
    }
    entry.forEach((e, i) => {
      const final = finalOf[i];
      if (e?.action === 'start' && final !== undefined) {
        issues.push(createIssue('CLOCK_NEVER_STOPS', e.path, { clock: id, final }));
      }
    });
    definition.transitions.forEach((transition, t) => {
      const effect = lastClockEffect(transition.effects, id);
      if (effect?.action !== 'start') return;
      const to = stateIndex.get(transition.to);
      // A state that starts or stops the clock on entry is its own origin (or stops it).
      if (to === undefined || entry[to] !== undefined) return;
      const final = finalOf[to];
      if (final !== undefined) {
        issues.push(
          createIssue('CLOCK_NEVER_STOPS', childPointer(pointer('transitions', t), 'effects', effect.index), {
            clock: id,
            final,
          }),
        );
      }
    });
  }
  return issues;
}
