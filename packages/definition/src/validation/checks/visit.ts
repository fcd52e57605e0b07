import type { Definition } from '../../format/definition.ts';
import type { Effect } from '../../format/effect.ts';
import { childPointer, pointer } from '../json-pointer.ts';

/** Calls `visit` for every effect: states' entry effects, then transitions' effects. */
export function forEachEffect(definition: Definition, visit: (effect: Effect, path: string) => void): void {
  definition.states.forEach((state, i) => {
    state.onEntry?.forEach((effect, j) => visit(effect, pointer('states', i, 'onEntry', j)));
  });
  definition.transitions.forEach((transition, i) => {
    transition.effects?.forEach((effect, j) => visit(effect, pointer('transitions', i, 'effects', j)));
  });
}

/** Calls `visit` for every condition in the definition: guards, rule conditions, form visibility. */
export function forEachCondition(definition: Definition, visit: (condition: unknown, path: string) => void): void {
  definition.transitions.forEach((transition, i) => {
    const guard = transition.guard;
    if (guard !== undefined && 'condition' in guard)
      visit(guard.condition, pointer('transitions', i, 'guard', 'condition'));
  });
  definition.ruleSets.forEach((ruleSet, i) => {
    ruleSet.rules.forEach((rule, j) => visit(rule.conditions, pointer('ruleSets', i, 'rules', j, 'conditions')));
  });
  definition.forms.forEach((form, i) => {
    form.sections.forEach((section, j) => {
      section.fields.forEach((field, k) => {
        if (field.visibleWhen !== undefined) {
          visit(field.visibleWhen, pointer('forms', i, 'sections', j, 'fields', k, 'visibleWhen'));
        }
      });
    });
  });
}

/**
 * Calls `visit` with every fact a json-rules-engine condition compares, and the pointer of its
 * `fact` property. Iterative, so deeply nested conditions cannot overflow the stack.
 */
export function forEachFact(condition: unknown, path: string, visit: (fact: string, path: string) => void): void {
  const stack: { node: unknown; path: string }[] = [{ node: condition, path }];
  while (stack.length > 0) {
    const { node, path: at } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const record = node as Record<string, unknown>;
    if (typeof record.fact === 'string') visit(record.fact, childPointer(at, 'fact'));
    for (const key of ['all', 'any'] as const) {
      const list = record[key];
      if (Array.isArray(list)) list.forEach((child, i) => stack.push({ node: child, path: childPointer(at, key, i) }));
    }
    if (record.not !== undefined) stack.push({ node: record.not, path: childPointer(at, 'not') });
  }
}

/** The record's field names (own properties of the record schema). */
export function recordFields(definition: Definition): Set<string> {
  return new Set(Object.keys(definition.record.schema.properties));
}

/** Maps each id to the index of its first element. */
export function indexById<T extends { id: string }>(items: readonly T[]): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (!index.has(item.id)) index.set(item.id, i);
  });
  return index;
}
