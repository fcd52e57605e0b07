import type { Effect } from '@clauseflow/definition';
import type { Evaluator } from '../evaluator.ts';
import { failure, pointer } from '../result.ts';
import { isReachable } from '../paths.ts';
import { eachStateTagged, noRoleWithTag } from '../tagged-elements.ts';

const notifies = (effects: readonly Effect[] | undefined, roles: ReadonlySet<string>): boolean =>
  effects?.some((e) => e.type === 'notify' && roles.has(e.role)) === true;

/**
 * Entering any state tagged `stateTag` notifies a role tagged `roleTag`: by a notify effect on
 * the state's entry, or on every transition that enters it from another state.
 */
export const notifiesOnEntry: Evaluator<'notifiesOnEntry'> = ({ stateTag, roleTag }, index) => {
  const { definition } = index;
  const roles = new Set(index.rolesTagged(roleTag));
  if (roles.size === 0) return [noRoleWithTag(roleTag)];
  return eachStateTagged(index, stateTag, (state, s) => {
    if (notifies(state.onEntry, roles)) return [];
    const entering = index.incoming[s]!.filter((t) => {
      const from = index.stateIndex.get(definition.transitions[t]!.from);
      return from !== undefined && from !== s && isReachable(index, from);
    });
    const byTransitions =
      entering.length > 0 &&
      s !== index.initial &&
      entering.every((t) => notifies(definition.transitions[t]!.effects, roles));
    if (byTransitions) return [];
    return [
      failure(
        'NO_NOTIFICATION_ON_ENTRY',
        pointer('states', s, 'onEntry'),
        { element: 'notification', tag: roleTag },
        { state: state.id, role: roleTag },
        pointer('states', s),
      ),
    ];
  });
};
