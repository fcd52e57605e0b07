import type { Evaluator } from '../evaluator.ts';
import { failure } from '../result.ts';
import { noStateWithTag } from '../tagged-elements.ts';

/**
 * Some transition leads from a reachable state tagged `fromTag` to a state tagged `toTag`; the fix
 * belongs in `/transitions`. (A target only that missing transition would reach counts as there:
 * the transition is what is missing.)
 */
export const transitionExists: Evaluator<'transitionExists'> = ({ fromTag, toTag }, index) => {
  const { definition } = index;
  const from = index.statesTagged(fromTag);
  const to = [...index.statesTagged(toTag), ...index.unreachableStatesTagged(toTag)];
  const missing = [...new Set([from.length === 0 ? fromTag : '', to.length === 0 ? toTag : ''])].filter(Boolean);
  if (missing.length > 0) {
    return missing.map((tag) => noStateWithTag(index, tag));
  }
  const targets = new Set(to.map((s) => definition.states[s]!.id));
  const found = from.some((s) => index.outgoing[s]!.some((t) => targets.has(definition.transitions[t]!.to)));
  return found
    ? []
    : [failure('NO_TRANSITION_BETWEEN', '/transitions', { element: 'transition' }, { from: fromTag, to: toTag })];
};
