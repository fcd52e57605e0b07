import type { Effect } from '@clauseflow/definition';
import type { Evaluator } from '../evaluator.ts';
import { failure, pointer } from '../result.ts';
import { isReachable } from '../paths.ts';
import { reachableTagged } from '../tagged-elements.ts';

/**
 * A createLinkedRecord effect for process `process` exists: anywhere, or (with `stateTag`) on
 * entering a state tagged so or on a transition into or out of one.
 */
export const createsLinkedRecord: Evaluator<'createsLinkedRecord'> = ({ process, stateTag }, index) => {
  const { definition } = index;
  const creates = (effects: readonly Effect[] | undefined): boolean =>
    effects?.some((e) => e.type === 'createLinkedRecord' && e.process === process) === true;
  if (stateTag === undefined) {
    const found =
      definition.states.some((s, i) => isReachable(index, i) && creates(s.onEntry)) ||
      definition.transitions.some((t) => {
        const from = index.stateIndex.get(t.from);
        return from !== undefined && isReachable(index, from) && creates(t.effects);
      });
    return found ? [] : [failure('NO_LINKED_RECORD', '/transitions', { element: 'linked-record' }, { process })];
  }
  const states = reachableTagged(index, stateTag);
  if (!Array.isArray(states)) return [states];
  const found = states.some(
    (s) =>
      creates(definition.states[s]!.onEntry) ||
      index.incoming[s]!.some((t) => creates(definition.transitions[t]!.effects)) ||
      index.outgoing[s]!.some((t) => creates(definition.transitions[t]!.effects)),
  );
  return found
    ? []
    : [
        failure(
          'NO_LINKED_RECORD_IN_STATE',
          pointer('states', states[0]!, 'onEntry'),
          { element: 'linked-record', tag: stateTag },
          { process, tag: stateTag },
        ),
      ];
};
