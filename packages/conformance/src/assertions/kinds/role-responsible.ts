import type { Evaluator } from '../evaluator.ts';
import { failure, pointer } from '../result.ts';
import { eachStateTagged, noRoleWithTag } from '../tagged-elements.ts';

/**
 * A role tagged `roleTag` is responsible in every state tagged `stateTag`: it is one of the
 * state's actors, or the record is assigned to it on entry.
 */
export const roleResponsible: Evaluator<'roleResponsible'> = ({ roleTag, stateTag }, index) => {
  const roles = new Set(index.rolesTagged(roleTag));
  if (roles.size === 0) return [noRoleWithTag(roleTag)];
  return eachStateTagged(index, stateTag, (state, s) => {
    const acts = state.actors?.some((r) => roles.has(r)) === true;
    const assigned =
      state.onEntry?.some((e) => e.type === 'assign' && e.role !== undefined && roles.has(e.role)) === true;
    if (acts || assigned) return [];
    return [
      failure(
        'ROLE_NOT_RESPONSIBLE',
        pointer('states', s, 'actors'),
        { element: 'actor', tag: roleTag },
        { role: roleTag, state: state.id },
        pointer('states', s),
      ),
    ];
  });
};
