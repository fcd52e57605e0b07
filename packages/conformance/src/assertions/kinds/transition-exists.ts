import type { Evaluator } from '../evaluator.ts';
import { failure } from '../result.ts';
import { noStateWithTag, reachableTagged } from '../tagged-elements.ts';

/**
 * Some transition leads from a reachable state tagged `fromTag` to a state tagged `toTag`; the
 * fix belongs in `/transitions`.
 */
export const transitionExists: Evaluator<'transitionExists'> = ({ fromTag, toTag }, index) => {
  const { definition } = index;
  const from = reachableTagged(index, fromTag);
  const to = index.statesTagged(toTag);
  const missing = [
    ...(Array.isArray(from) ? [] : [from]),
    ...(to.length === 0 && toTag !== fromTag ? [noStateWithTag(toTag)] : []),
  ];
  if (!Array.isArray(from) || missing.length > 0) return missing;
  const targets = new Set(to.map((s) => definition.states[s]!.id));
  const found = from.some((s) => index.outgoing[s]!.some((t) => targets.has(definition.transitions[t]!.to)));
  return found
    ? []
    : [failure('NO_TRANSITION_BETWEEN', '/transitions', { element: 'transition' }, { from: fromTag, to: toTag })];
};
