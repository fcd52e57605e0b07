import type { DefinitionIndex } from '../definition-index.ts';
import type { Evaluator } from '../evaluator.ts';
import { isReachable } from '../paths.ts';
import { failure, pointer } from '../result.ts';
import { reachableTagged } from '../tagged-elements.ts';

/**
 * Breadth-first search from the initial state that never enters a state tagged T. Reaching a
 * final state (or a state tagged `before`) is a counterexample; the pointer names the last
 * transition of the shortest such path, which is where the path must be rerouted. O(S + T).
 */
export const everyPathPasses: Evaluator<'everyPathPasses'> = ({ tag, before }, index) => {
  const { definition } = index;
  const tagged = reachableTagged(index, tag);
  if (!Array.isArray(tagged)) return [tagged];
  // Finals that no path reaches would make "every path" hold vacuously.
  if (!definition.states.some((s, i) => s.kind === 'final' && isReachable(index, i))) {
    return [failure('NO_FINAL_STATE', '/states', { element: 'final-state' })];
  }
  const start = index.initial;
  // An unknown initial state is a validation problem, reported by parseDefinition.
  if (start < 0) return [];
  const passes = new Uint8Array(definition.states.length);
  for (const s of index.statesTagged(tag)) passes[s] = 1;
  if (passes[start] === 1) return [];
  const blocked = new Uint8Array(definition.states.length);
  if (before !== undefined) for (const s of index.statesTagged(before)) blocked[s] = 1;
  // via[s] = index of the transition that first reached s; -1 for the start.
  const via = new Int32Array(definition.states.length).fill(-2);
  via[start] = -1;
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    const state = definition.states[s]!;
    const reachedBefore = blocked[s] === 1;
    if (state.kind === 'final' || reachedBefore) {
      const path = pathTo(index, via, s);
      const last = via[s]!;
      const where = last >= 0 ? pointer('transitions', last) : pointer('states', s);
      return reachedBefore
        ? [
            failure(
              'REACHED_BEFORE_TAG',
              where,
              { element: 'path', tag },
              { tag, before: before ?? '', state: state.id, path },
            ),
          ]
        : [failure('PATH_BYPASSES_TAG', where, { element: 'path', tag }, { tag, state: state.id, path })];
    }
    for (const t of index.outgoing[s]!) {
      const to = index.stateIndex.get(definition.transitions[t]!.to);
      if (to === undefined || via[to] !== -2) continue;
      if (passes[to] === 1) continue;
      via[to] = t;
      queue.push(to);
    }
  }
  return [];
};

function pathTo(index: DefinitionIndex, via: Int32Array, state: number): string {
  const ids: string[] = [];
  let s = state;
  for (let guard = 0; guard <= via.length; guard++) {
    ids.push(index.definition.states[s]!.id);
    const t = via[s]!;
    if (t < 0) break;
    const from = index.stateIndex.get(index.definition.transitions[t]!.from);
    if (from === undefined) break;
    s = from;
  }
  return ids.reverse().join(' → ');
}
