import type { State } from '@clauseflow/definition';
import type { DefinitionIndex } from './definition-index.ts';
import { failure, type AssertionFailure } from './result.ts';

/**
 * What the assertion kinds share: the failures for a tag nothing carries, and the frame of the
 * assertions that hold state by state.
 */

/**
 * No reachable state is tagged `tag`: STATE_UNREACHABLE at the first state that carries the tag
 * but that no path reaches, else NO_STATE_WITH_TAG (the fix belongs in `/states`).
 */
export function noStateWithTag(index: DefinitionIndex, tag: string): AssertionFailure {
  const unreachable = index.unreachableStatesTagged(tag)[0];
  if (unreachable === undefined) return failure('NO_STATE_WITH_TAG', '/states', { element: 'state', tag }, { tag });
  const state = index.definition.states[unreachable]!.id;
  return failure('STATE_UNREACHABLE', `/states/${unreachable}`, { element: 'state', tag }, { tag, state }, state);
}

/** No role is tagged `tag`; the fix belongs in `/roles`. */
export const noRoleWithTag = (tag: string): AssertionFailure =>
  failure('NO_ROLE_WITH_TAG', '/roles', { element: 'role', tag }, { tag });

/** No record field is tagged `tag`; the fix belongs in `/record/schema/properties`. */
export const noFieldWithTag = (tag: string): AssertionFailure =>
  failure('NO_FIELD_WITH_TAG', '/record/schema/properties', { element: 'field', tag }, { tag });

/**
 * Checks every state tagged `tag`: NO_STATE_WITH_TAG when there is none, else what `check`
 * finds wrong with each one (given the state and its index), in state order.
 */
export function eachStateTagged(
  index: DefinitionIndex,
  tag: string,
  check: (state: State, s: number) => AssertionFailure[],
): AssertionFailure[] {
  const states = index.statesTagged(tag);
  if (states.length === 0) return [noStateWithTag(index, tag)];
  return states.flatMap((s) => check(index.definition.states[s]!, s));
}
