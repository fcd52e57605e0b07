import type { Evaluator } from '../evaluator.ts';
import { failure } from '../result.ts';

/** A state tagged T exists; the fix belongs in `/states`. */
export const stateExists: Evaluator<'stateExists'> = ({ tag }, index) =>
  index.statesTagged(tag).length > 0
    ? []
    : [failure('NO_STATE_WITH_TAG', '/states', { element: 'state', tag }, { tag })];
