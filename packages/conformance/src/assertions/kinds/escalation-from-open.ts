import type { Evaluator } from '../evaluator.ts';
import { failure, pointer } from '../result.ts';
import { eachStateTagged } from '../tagged-elements.ts';

/**
 * From every non-final state tagged `openTag`, a transition tagged `escalationTag` (default
 * `escalation`) leaves: taken by an actor, or raised by the state's timer or an SLA clock's event,
 * since both arrive as that transition's event. The fix belongs in `/transitions`; the open state
 * without an escalation is the failure's subject.
 */
export const escalationFromOpen: Evaluator<'escalationFromOpen'> = ({ openTag, escalationTag }, index) => {
  const { definition } = index;
  const tag = escalationTag ?? 'escalation';
  return eachStateTagged(index, openTag, (state, s) => {
    if (state.kind === 'final') return [];
    const escalates = index.outgoing[s]!.some((t) => definition.transitions[t]!.tags?.includes(tag) === true);
    if (escalates) return [];
    return [
      failure(
        'NO_ESCALATION_FROM_STATE',
        '/transitions',
        { element: 'transition', tag },
        { state: state.id, tag },
        pointer('states', s),
      ),
    ];
  });
};
