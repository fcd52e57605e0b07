import { Engine } from 'json-rules-engine';
import type { RuleProperties, RuleResult, TopLevelCondition } from 'json-rules-engine';
import type { Condition } from '../format/condition.ts';
import { resolveOwnPath } from './resolve-path.ts';
import type { ConditionTrace, RuleTrace } from './trace.ts';

/** A json-rules-engine rule as stored data: no functions, no handlers. */
export interface StoredRule {
  name: string;
  priority: number;
  conditions: Condition;
  event: { type: string; params?: Record<string, unknown> };
}

/** One evaluation: the traced rules in rule order and the names of those that matched. */
export interface EngineRun {
  rules: RuleTrace[];
  matched: Set<string>;
}

/**
 * A json-rules-engine `Engine` built once and reused. Runs are serialised: the engine keeps a
 * shared running/finished status, so two overlapping runs could otherwise skip each other's rules.
 */
export class CompiledRules {
  readonly rules: readonly StoredRule[];
  /** Fact names the rules read (record fields or extra facts). */
  readonly facts: ReadonlySet<string>;
  readonly #engine: Engine;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(rules: StoredRule[]) {
    this.rules = rules;
    this.facts = new Set(rules.flatMap((rule) => [...factsOf(rule.conditions)]));
    this.#engine = new Engine(
      // All rules share one priority group; order is applied by the caller (hit policies).
      rules.map((rule): RuleProperties => ({ ...rule, conditions: rule.conditions as TopLevelCondition })),
      { allowUndefinedFacts: true, pathResolver: resolveOwnPath, replaceFactsInEventParams: false },
    );
  }

  /** Evaluates every rule against the facts (a prototype-less object, see `ownFacts`). */
  run(facts: Record<string, unknown>): Promise<EngineRun> {
    const run = this.#queue.then(async () => {
      const result = await this.#engine.run(facts);
      const byName = new Map<string, RuleResult>();
      for (const r of [...result.results, ...result.failureResults]) byName.set(r.name, r);
      const matched = new Set<string>();
      const rules: RuleTrace[] = [];
      for (const rule of this.rules) {
        const r = byName.get(rule.name);
        const ok = r?.result === true;
        if (ok) matched.add(rule.name);
        rules.push({ rule: rule.name, matched: ok, conditions: traceCondition(r?.conditions ?? rule.conditions) });
      }
      return { rules, matched };
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** The fact names a condition reads. */
export function factsOf(condition: Condition): Set<string> {
  const out = new Set<string>();
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else {
      out.add(c.fact);
      const value: unknown = c.value;
      if (typeof value === 'object' && value !== null && 'fact' in value && typeof value.fact === 'string') {
        out.add(value.fact);
      }
    }
  };
  walk(condition);
  return out;
}

interface EvaluatedNode {
  all?: EvaluatedNode[];
  any?: EvaluatedNode[];
  not?: EvaluatedNode;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  result?: boolean;
  factResult?: unknown;
  valueResult?: unknown;
}

/** Turns json-rules-engine's evaluated condition tree into a plain, JSON-safe trace. */
function traceCondition(node: unknown): ConditionTrace {
  const n = node as EvaluatedNode;
  const result = typeof n.result === 'boolean' ? n.result : null;
  // json-rules-engine leaves the result of composite nodes unset at the top level: derive it.
  if (n.all) {
    const conditions = n.all.map(traceCondition);
    return { kind: 'all', result: result ?? combined(conditions, 'all'), conditions };
  }
  if (n.any) {
    const conditions = n.any.map(traceCondition);
    return { kind: 'any', result: result ?? combined(conditions, 'any'), conditions };
  }
  if (n.not) {
    const condition = traceCondition(n.not);
    return { kind: 'not', result: result ?? (condition.result === null ? null : !condition.result), condition };
  }
  const evaluated = result !== null;
  return {
    kind: 'fact',
    fact: n.fact ?? '',
    ...(n.path === undefined ? {} : { path: n.path }),
    operator: n.operator ?? '',
    expected: evaluated && n.valueResult !== undefined ? n.valueResult : (n.value ?? null),
    actual: evaluated ? (n.factResult ?? null) : null,
    result,
  };
}

function combined(conditions: ConditionTrace[], kind: 'all' | 'any'): boolean | null {
  const results = conditions.map((c) => c.result);
  if (kind === 'all') return results.includes(false) ? false : results.includes(null) ? null : true;
  return results.includes(true) ? true : results.includes(null) ? null : false;
}
