import type { Evaluator } from '../evaluator.ts';
import { failure, pointer } from '../result.ts';
import { noStateWithTag } from '../tagged-elements.ts';

/**
 * A repeating timer exists (in a state tagged `stateTag`, when given): the activity recurs at
 * planned intervals. The fix belongs in the timers of the first such state (or of the initial state).
 */
export const periodicReviewTimer: Evaluator<'periodicReviewTimer'> = ({ stateTag }, index) => {
  const { definition } = index;
  const candidates =
    stateTag === undefined
      ? definition.states.map((_, i) => i).filter((s) => index.reachable.has(s))
      : index.statesTagged(stateTag);
  if (stateTag !== undefined && candidates.length === 0) {
    return [noStateWithTag(index, stateTag)];
  }
  if (candidates.some((s) => definition.states[s]!.timers?.some((t) => t.repeat === true) === true)) return [];
  if (stateTag === undefined) {
    return [
      failure('NO_PERIODIC_TIMER', pointer('states', Math.max(index.initial, 0), 'timers'), { element: 'timer' }),
    ];
  }
  return [
    failure(
      'NO_PERIODIC_TIMER_IN_STATE',
      pointer('states', candidates[0]!, 'timers'),
      { element: 'timer', tag: stateTag },
      { tag: stateTag },
    ),
  ];
};
