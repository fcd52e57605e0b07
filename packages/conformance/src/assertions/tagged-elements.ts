import type { State } from '@clauseflow/definition';
import type { DefinitionIndex } from './definition-index.ts';
import { isReachable } from './paths.ts';
import { failure, pointer, type AssertionFailure } from './result.ts';

/**
 * What the assertion kinds share: the failures for a tag nothing carries, and the frame of the
 * assertions that hold state by state.
 */

/** No state is tagged `tag`; the fix belongs in `/states`. */
export const noStateWithTag = (tag: string): AssertionFailure =>
  failure('NO_STATE_WITH_TAG', '/states', { element: 'state', tag }, { tag });

/** No role is tagged `tag`; the fix belongs in `/roles`. */
export const noRoleWithTag = (tag: string): AssertionFailure =>
  failure('NO_ROLE_WITH_TAG', '/roles', { element: 'role', tag }, { tag });

/** No record field is tagged `tag`; the fix belongs in `/record/schema/properties`. */
export const noFieldWithTag = (tag: string): AssertionFailure =>
  failure('NO_FIELD_WITH_TAG', '/record/schema/properties', { element: 'field', tag }, { tag });

/** Every state tagged `tag` is unreachable; the failure points at the first of them. */
export const stateUnreachable = (index: DefinitionIndex, tag: string, s: number): AssertionFailure =>
  failure(
    'STATE_UNREACHABLE',
    pointer('states', s),
    { element: 'state', tag },
    { tag, state: index.definition.states[s]!.id },
  );

/**
 * The reachable states tagged `tag`, or the failure when there are none: NO_STATE_WITH_TAG when
 * no state carries the tag, STATE_UNREACHABLE when only unreachable ones do.
 */
export function reachableTagged(index: DefinitionIndex, tag: string): number[] | AssertionFailure {
  const states = index.statesTagged(tag);
  if (states.length === 0) return noStateWithTag(tag);
  const reachable = states.filter((s) => isReachable(index, s));
  return reachable.length > 0 ? reachable : stateUnreachable(index, tag, states[0]!);
}

/**
 * Checks every reachable state tagged `tag` (an unreachable one can neither meet nor break a
 * behaviour): the failure of {@link reachableTagged} when there is none, else what `check`
 * finds wrong with each one (given the state and its index), in state order.
 */
export function eachStateTagged(
  index: DefinitionIndex,
  tag: string,
  check: (state: State, s: number) => AssertionFailure[],
): AssertionFailure[] {
  const states = reachableTagged(index, tag);
  if (!Array.isArray(states)) return [states];
  return states.flatMap((s) => check(index.definition.states[s]!, s));
}
