import type { Definition } from '../../format/definition.ts';
import { indexById } from './visit.ts';

/** The state machine as adjacency lists over state indexes (first state of each id). */
export interface StateGraph {
  /** Outgoing edges per state: target state index and transition index. */
  out: { to: number; transition: number }[][];
  /** Incoming edges per state: source state index and transition index. */
  in: { from: number; transition: number }[][];
  initial: number | undefined;
}

/** Builds the graph; transitions naming unknown states are left out (reported elsewhere). */
export function buildStateGraph(definition: Definition): StateGraph {
  const index = indexById(definition.states);
  const out: StateGraph['out'] = definition.states.map(() => []);
  const incoming: StateGraph['in'] = definition.states.map(() => []);
  definition.transitions.forEach((transition, t) => {
    const from = index.get(transition.from);
    const to = index.get(transition.to);
    if (from === undefined || to === undefined) return;
    out[from]?.push({ to, transition: t });
    incoming[to]?.push({ from, transition: t });
  });
  return { out, in: incoming, initial: index.get(definition.initialState) };
}

/** Breadth-first search from `sources` along `next`; returns a visited flag per node. Linear. */
export function search(size: number, sources: readonly number[], next: (node: number) => Iterable<number>): boolean[] {
  const seen = new Array<boolean>(size).fill(false);
  const queue: number[] = [];
  for (const s of sources) {
    if (!seen[s]) {
      seen[s] = true;
      queue.push(s);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    for (const n of next(queue[head]!)) {
      if (!seen[n]) {
        seen[n] = true;
        queue.push(n);
      }
    }
  }
  return seen;
}
