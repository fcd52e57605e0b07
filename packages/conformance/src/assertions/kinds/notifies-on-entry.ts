import type { Effect } from '@clauseflow/definition';
import type { Evaluator } from '../evaluator.ts';
import { failure, pointer, type AssertionFailure } from '../result.ts';

const notifies = (effects: readonly Effect[] | undefined, roles: ReadonlySet<string>): boolean =>
  effects?.some((e) => e.type === 'notify' && roles.has(e.role)) === true;

/**
 * Entering any state tagged `stateTag` notifies a role tagged `roleTag`: by a notify effect on
 * the state's entry, or on every transition that enters it from another state.
 */
export const notifiesOnEntry: Evaluator<'notifiesOnEntry'> = ({ stateTag, roleTag }, index) => {
  const { definition } = index;
  const roles = new Set(index.rolesTagged(roleTag));
  if (roles.size === 0)
    return [failure('NO_ROLE_WITH_TAG', '/roles', { element: 'role', tag: roleTag }, { tag: roleTag })];
  const states = index.statesTagged(stateTag);
  if (states.length === 0) {
    return [failure('NO_STATE_WITH_TAG', '/states', { element: 'state', tag: stateTag }, { tag: stateTag })];
  }
  const failures: AssertionFailure[] = [];
  for (const s of states) {
    const state = definition.states[s]!;
    if (notifies(state.onEntry, roles)) continue;
    const entering = index.incoming[s]!.filter((t) => definition.transitions[t]!.from !== state.id);
    const byTransitions =
      entering.length > 0 &&
      s !== index.initial &&
      entering.every((t) => notifies(definition.transitions[t]!.effects, roles));
    if (byTransitions) continue;
    failures.push(
      failure(
        'NO_NOTIFICATION_ON_ENTRY',
        pointer('states', s, 'onEntry'),
        { element: 'notification', tag: roleTag },
        { state: state.id, role: roleTag },
        pointer('states', s),
      ),
    );
  }
  return failures;
};
