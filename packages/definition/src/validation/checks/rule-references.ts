import type { Definition } from '../../format/definition.ts';
import { createIssue, type Issue } from '../issue.ts';
import { childPointer, pointer } from '../json-pointer.ts';
import { kindParams, type ElementKind } from './element-kinds.ts';
import { forEachEffect, indexById } from './visit.ts';

/**
 * UNKNOWN_RULE: guards and effects name existing decisions (and their outputs) and rule sets
 * (and an event one of their rules raises); decision rows name their table's inputs and outputs.
 */
export function checkRuleReferences(definition: Definition): Issue[] {
  const issues: Issue[] = [];
  const decisions = indexById(definition.decisions);
  const ruleSets = indexById(definition.ruleSets);
  const unknown = (kind: ElementKind, id: string, path: string): void => {
    issues.push(createIssue('UNKNOWN_RULE', path, { ...kindParams(kind), id }));
  };

  /** Checks a (decision, output) pair whose properties live under `path`. */
  const decisionOutput = (decision: string, output: string, path: string): void => {
    const index = decisions.get(decision);
    if (index === undefined) return unknown('decision', decision, childPointer(path, 'decision'));
    const table = definition.decisions[index];
    if (table !== undefined && !table.outputs.some((o) => o.id === output)) {
      unknown('output', output, childPointer(path, 'output'));
    }
  };

  definition.transitions.forEach((transition, i) => {
    const guard = transition.guard;
    const path = pointer('transitions', i, 'guard');
    if (guard === undefined) return;
    if ('decision' in guard) decisionOutput(guard.decision, guard.output, path);
    else if ('ruleSet' in guard) {
      const index = ruleSets.get(guard.ruleSet);
      if (index === undefined) return unknown('ruleSet', guard.ruleSet, childPointer(path, 'ruleSet'));
      const ruleSet = definition.ruleSets[index];
      if (ruleSet !== undefined && !ruleSet.rules.some((rule) => rule.event.type === guard.event)) {
        unknown('event', guard.event, childPointer(path, 'event'));
      }
    }
  });

  forEachEffect(definition, (effect, path) => {
    if (effect.type === 'evaluateDecision' && !decisions.has(effect.decision)) {
      unknown('decision', effect.decision, childPointer(path, 'decision'));
    }
    if (effect.type === 'setField' && 'decision' in effect.from) {
      decisionOutput(effect.from.decision, effect.from.output, childPointer(path, 'from'));
    }
  });

  definition.decisions.forEach((decision, i) => {
    const inputs = new Set(decision.inputs.map((input) => input.id));
    const outputs = new Set(decision.outputs.map((output) => output.id));
    decision.rows.forEach((row, j) => {
      const base = pointer('decisions', i, 'rows', j);
      for (const key of Object.keys(row.when)) {
        if (!inputs.has(key)) unknown('input', key, childPointer(base, 'when', key));
      }
      for (const key of Object.keys(row.then)) {
        if (!outputs.has(key)) unknown('output', key, childPointer(base, 'then', key));
      }
    });
  });
  return issues;
}
