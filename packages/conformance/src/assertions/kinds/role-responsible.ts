import type { Evaluator } from '../evaluator.ts';
import { failure, pointer, type AssertionFailure } from '../result.ts';

/**
 * A role tagged `roleTag` is responsible in every state tagged `stateTag`: it is one of the
 * state's actors, or the record is assigned to it on entry.
 */
export const roleResponsible: Evaluator<'roleResponsible'> = ({ roleTag, stateTag }, index) => {
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
    const acts = state.actors?.some((r) => roles.has(r)) === true;
    const assigned =
      state.onEntry?.some((e) => e.type === 'assign' && e.role !== undefined && roles.has(e.role)) === true;
    if (acts || assigned) continue;
    failures.push(
      failure(
        'ROLE_NOT_RESPONSIBLE',
        pointer('states', s, 'actors'),
        { element: 'actor', tag: roleTag },
        { role: roleTag, state: state.id },
        pointer('states', s),
      ),
    );
  }
  return failures;
};
