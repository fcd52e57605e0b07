import type { RuleSet } from '../format/decision.ts';
import { CompiledRules, type StoredRule } from './rule-engine.ts';
import { setOwn } from './resolve-path.ts';
import type { DecisionCause, RuleSetTrace } from './trace.ts';

/** A raw json-rules-engine rule set, compiled once. */
export interface CompiledRuleSet {
  ruleSet: RuleSet;
  engine: CompiledRules;
}

/** Compiles a rule set; rules keep their priority for ordering their `set` writes. */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const rules = ruleSet.rules.map((rule): StoredRule => ({
    name: rule.id,
    priority: 1,
    conditions: rule.conditions,
    event: { type: rule.event.type, ...(rule.event.params ? { params: rule.event.params } : {}) },
  }));
  return { ruleSet, engine: new CompiledRules(rules) };
}

/** Evaluates every rule; fired rules contribute their event and (by descending priority, then order) their `set`. */
export async function evaluateRuleSet(
  compiled: CompiledRuleSet,
  facts: Record<string, unknown>,
  cause: DecisionCause,
): Promise<RuleSetTrace> {
  const run = await compiled.engine.run(facts);
  const fired = compiled.ruleSet.rules.filter((r) => run.matched.has(r.id));
  const set: Record<string, unknown> = {};
  // Lower priority first so that higher-priority rules overwrite.
  const byPriority = [...fired].reverse().sort((a, b) => (a.priority ?? 1) - (b.priority ?? 1));
  for (const rule of byPriority) for (const [k, v] of Object.entries(rule.set ?? {})) setOwn(set, k, v);
  return {
    kind: 'ruleSet',
    ruleSet: compiled.ruleSet.id,
    cause,
    rules: run.rules,
    events: fired.map((r) => r.event.type),
    set,
  };
}
