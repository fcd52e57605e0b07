import type { Evaluator } from '../evaluator.ts';
import { noStateWithTag } from '../tagged-elements.ts';

/** A state tagged T exists; the fix belongs in `/states`. */
export const stateExists: Evaluator<'stateExists'> = ({ tag }, index) =>
  index.statesTagged(tag).length > 0 ? [] : [noStateWithTag(index, tag)];
