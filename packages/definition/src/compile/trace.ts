import type { Guard } from '../format/transition.ts';

/**
 * One evaluated condition. `result` is `null` when json-rules-engine did not evaluate it
 * (a sibling already decided the outcome).
 */
export type ConditionTrace =
  | { kind: 'all' | 'any'; result: boolean | null; conditions: ConditionTrace[] }
  | { kind: 'not'; result: boolean | null; condition: ConditionTrace }
  | {
      kind: 'fact';
      fact: string;
      path?: string;
      operator: string;
      /** The value the condition compares with. */
      expected: unknown;
      /** The fact's value when evaluated (`null` when the fact was absent). */
      actual: unknown;
      result: boolean | null;
    };

/** One rule (a decision-table row, a rule-set rule or a guard condition) and why it matched or not. */
export interface RuleTrace {
  rule: string;
  matched: boolean;
  conditions: ConditionTrace;
}

/** Why a decision was evaluated. */
export type DecisionCause = 'start' | 'change' | 'explicit' | 'guard';

/** A decision-table evaluation: every row, the matched rows, the outputs written. */
export interface DecisionTrace {
  kind: 'decision';
  decision: string;
  hitPolicy: 'first' | 'unique' | 'priority' | 'collect';
  cause: DecisionCause;
  /** Input id -> the value of its field at evaluation time. */
  inputs: Record<string, unknown>;
  rows: RuleTrace[];
  matchedRows: string[];
  /** Output id -> value (lists for `collect`); empty when no row (or, for `unique`, more than one) matched. */
  outputs: Record<string, unknown>;
  problem?: 'NO_ROW_MATCHED' | 'UNIQUE_VIOLATED';
}

/** A raw rule-set evaluation. */
export interface RuleSetTrace {
  kind: 'ruleSet';
  ruleSet: string;
  cause: DecisionCause;
  rules: RuleTrace[];
  /** Types of the events of the rules that fired, in rule order. */
  events: string[];
  /** Fields set by the rules that fired. */
  set: Record<string, unknown>;
}

/** A transition guard and its outcome. */
export interface GuardTrace {
  kind: 'guard';
  transition: string;
  guard: Guard;
  result: boolean;
  /** For decision and rule-set guards: the value compared (the output, or the fired events). */
  actual?: unknown;
  /** For inline conditions: the evaluated condition tree. */
  conditions?: ConditionTrace;
}

/** A transition taken. */
export interface TransitionTrace {
  kind: 'transition';
  transition: string;
  event: string;
  from: string;
  to: string;
  automatic: boolean;
}

/** Something noteworthy that is not an evaluation (e.g. the automatic-transition bound was hit). */
export interface NoteTrace {
  kind: 'note';
  code: 'AUTOMATIC_LIMIT_REACHED' | 'EFFECT_SKIPPED' | 'VOTE_RECORDED' | 'APPROVAL_DECIDED';
  params: Record<string, unknown>;
}

/** Everything evaluated during one step, in order. */
export type TraceEntry = DecisionTrace | RuleSetTrace | GuardTrace | TransitionTrace | NoteTrace;
