import type { Evaluator } from '../evaluator.ts';
import { reachableTagged } from '../tagged-elements.ts';

/** A reachable state tagged T exists; the fix belongs in `/states` (or at the unreachable state). */
export const stateExists: Evaluator<'stateExists'> = ({ tag }, index) => {
  const states = reachableTagged(index, tag);
  return Array.isArray(states) ? [] : [states];
};
