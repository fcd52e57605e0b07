import type { Definition } from '../../format/definition.ts';
import { createIssue, type Issue } from '../issue.ts';
import { pointer } from '../json-pointer.ts';

/**
 * NONDETERMINISTIC_TRANSITION: two unguarded transitions leave the same state on the same
 * event. Reported at each later transition, naming the first. Linear in the transitions.
 */
export function checkNondeterminism(definition: Definition): Issue[] {
  const issues: Issue[] = [];
  const firstUnguarded = new Map<string, string>();
  definition.transitions.forEach((transition, i) => {
    if (transition.guard !== undefined) return;
    const key = `${transition.from}\u0000${transition.event}`;
    const other = firstUnguarded.get(key);
    if (other === undefined) firstUnguarded.set(key, transition.id);
    else {
      issues.push(
        createIssue('NONDETERMINISTIC_TRANSITION', pointer('transitions', i), {
          state: transition.from,
          event: transition.event,
          transition: transition.id,
          other,
        }),
      );
    }
  });
  return issues;
}
