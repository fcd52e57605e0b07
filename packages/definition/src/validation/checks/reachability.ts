import type { Definition } from '../../format/definition.ts';
import { createIssue, type Issue } from '../issue.ts';
import { pointer } from '../json-pointer.ts';
import { buildStateGraph, search } from './state-graph.ts';

/**
 * UNREACHABLE_STATE (no path from the initial state), DEAD_END_STATE (a non-final state with no
 * transition to another state) and NO_PATH_TO_FINAL (a reachable state with a way out, from which
 * no final state can be reached). Two breadth-first searches: linear in states + transitions.
 */
export function checkReachability(definition: Definition): Issue[] {
  const issues: Issue[] = [];
  const graph = buildStateGraph(definition);
  const size = definition.states.length;
  const reachable =
    graph.initial === undefined
      ? undefined
      : search(size, [graph.initial], (s) => (graph.out[s] ?? []).map((e) => e.to));
  const finals = definition.states.flatMap((state, i) => (state.kind === 'final' ? [i] : []));
  const reachesFinal = search(size, finals, (s) => (graph.in[s] ?? []).map((e) => e.from));

  definition.states.forEach((state, i) => {
    const path = pointer('states', i);
    const params = { state: state.id };
    if (reachable !== undefined && !reachable[i]) {
      issues.push(createIssue('UNREACHABLE_STATE', path, params));
      return;
    }
    if (state.kind === 'final') return;
    const wayOut = (graph.out[i] ?? []).some((edge) => edge.to !== i);
    if (!wayOut) issues.push(createIssue('DEAD_END_STATE', path, params));
    else if (!reachesFinal[i]) issues.push(createIssue('NO_PATH_TO_FINAL', path, params));
  });
  return issues;
}
