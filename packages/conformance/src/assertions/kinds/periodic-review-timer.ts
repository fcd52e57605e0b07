import type { Evaluator } from '../evaluator.ts';
import { failure, pointer } from '../result.ts';
import { isReachable } from '../paths.ts';
import { reachableTagged } from '../tagged-elements.ts';

/**
 * A repeating timer exists in a reachable state (tagged `stateTag`, when given): the activity recurs at
 * planned intervals. The fix belongs in the timers of the first such state (or of the initial state).
 */
export const periodicReviewTimer: Evaluator<'periodicReviewTimer'> = ({ stateTag }, index) => {
  const { definition } = index;
  const candidates =
    stateTag === undefined
      ? definition.states.flatMap((_, i) => (isReachable(index, i) ? [i] : []))
      : reachableTagged(index, stateTag);
  if (!Array.isArray(candidates)) return [candidates];
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
