import type { DefinitionIndex } from '../definition-index.ts';
import type { Evaluator } from '../evaluator.ts';
import { failure, pointer, type AssertionFailure } from '../result.ts';

/** The roles that may take transition `t`: its own actors, else those of its source state; undefined means anyone. */
function actorsOf(index: DefinitionIndex, t: number): readonly string[] | undefined {
  const transition = index.definition.transitions[t]!;
  if (transition.actors) return transition.actors;
  const from = index.stateIndex.get(transition.from);
  return from === undefined ? undefined : index.definition.states[from]!.actors;
}

/**
 * Transitions tagged A and B exist and no role may take one of each (segregation of duties by
 * role). A transition open to anyone fails, since then the same person could take both.
 * Linear: the roles of all A transitions are pooled before the B transitions are compared.
 */
export const differentActors: Evaluator<'differentActors'> = ({ transitionTagA, transitionTagB }, index) => {
  const { definition } = index;
  const as = index.transitionsTagged(transitionTagA);
  const bs = index.transitionsTagged(transitionTagB);
  const failures: AssertionFailure[] = [];
  for (const [list, tag] of [
    [as, transitionTagA],
    [bs, transitionTagB],
  ] as const) {
    if (list.length === 0) {
      failures.push(failure('NO_TRANSITION_WITH_TAG', '/transitions', { element: 'transition', tag }, { tag }));
    }
  }
  if (failures.length > 0) return failures;
  // Role -> first A transition that role may take.
  const rolesOfA = new Map<string, number>();
  for (const t of [...as, ...bs]) {
    if (actorsOf(index, t) === undefined) {
      failures.push(
        failure(
          'TRANSITION_ACTORS_UNRESTRICTED',
          pointer('transitions', t, 'actors'),
          { element: 'actor' },
          { transition: definition.transitions[t]!.id },
        ),
      );
    }
  }
  if (failures.length > 0) return failures;
  for (const a of as) for (const role of actorsOf(index, a)!) if (!rolesOfA.has(role)) rolesOfA.set(role, a);
  for (const b of bs) {
    const shared = actorsOf(index, b)!.filter((role) => rolesOfA.has(role));
    if (shared.length === 0) continue;
    failures.push(
      failure(
        'SAME_ACTOR_MAY_DO_BOTH',
        pointer('transitions', b, 'actors'),
        { element: 'actor', tag: transitionTagB },
        {
          roles: shared.map((r) => `'${r}'`).join(', '),
          transitionA: definition.transitions[rolesOfA.get(shared[0]!)!]!.id,
          transitionB: definition.transitions[b]!.id,
        },
      ),
    );
  }
  return failures;
};
