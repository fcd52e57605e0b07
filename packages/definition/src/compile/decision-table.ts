import type { Condition } from '../format/condition.ts';
import type { DecisionTable } from '../format/decision.ts';
import { CompiledRules, type StoredRule } from './rule-engine.ts';
import { resolveOwnPath } from './resolve-path.ts';
import type { DecisionCause, DecisionTrace } from './trace.ts';

/** A decision table compiled to json-rules-engine rules (one per row) plus its hit policy. */
export interface CompiledDecision {
  table: DecisionTable;
  engine: CompiledRules;
  /** Record fields the table reads. */
  inputFields: readonly string[];
}

/** Compiles a decision table: each row becomes an `all` rule over the row's cells. */
export function compileDecision(table: DecisionTable): CompiledDecision {
  const rules = table.rows.map((row): StoredRule => {
    const cells: Condition[] = [];
    for (const input of table.inputs) {
      const cell = row.when[input.id];
      if (cell) cells.push({ fact: input.field, operator: cell.operator, value: cell.value });
    }
    return { name: row.id, priority: 1, conditions: { all: cells }, event: { type: 'row', params: { row: row.id } } };
  });
  return { table, engine: new CompiledRules(rules), inputFields: table.inputs.map((i) => i.field) };
}

/** Evaluates a decision table on the facts and applies its hit policy. */
export async function evaluateDecision(
  decision: CompiledDecision,
  facts: Record<string, unknown>,
  cause: DecisionCause,
): Promise<DecisionTrace> {
  const { table } = decision;
  const run = await decision.engine.run(facts);
  const matchedRows = table.rows.filter((row) => run.matched.has(row.id));
  const inputs: Record<string, unknown> = {};
  for (const input of table.inputs) inputs[input.id] = resolveOwnPath(facts, `$.${input.field}`) ?? null;
  const trace: DecisionTrace = {
    kind: 'decision',
    decision: table.id,
    hitPolicy: table.hitPolicy,
    cause,
    inputs,
    rows: run.rules,
    matchedRows: matchedRows.map((r) => r.id),
    outputs: {},
  };
  const [first] = matchedRows;
  if (!first) {
    // A collect table with no hit still answers: empty lists.
    const outputs = table.hitPolicy === 'collect' ? Object.fromEntries(table.outputs.map((o) => [o.id, []])) : {};
    return { ...trace, outputs, problem: 'NO_ROW_MATCHED' };
  }
  switch (table.hitPolicy) {
    case 'first':
      return { ...trace, outputs: rowOutputs(table, first.then) };
    case 'unique':
      return matchedRows.length === 1
        ? { ...trace, outputs: rowOutputs(table, first.then) }
        : { ...trace, problem: 'UNIQUE_VIOLATED' };
    case 'priority': {
      // Highest priority wins; among equals, the earlier row.
      const best = matchedRows.reduce((a, b) => ((b.priority ?? 0) > (a.priority ?? 0) ? b : a));
      return { ...trace, outputs: rowOutputs(table, best.then) };
    }
    case 'collect': {
      const outputs: Record<string, unknown[]> = {};
      for (const output of table.outputs) {
        outputs[output.id] = matchedRows.filter((r) => Object.hasOwn(r.then, output.id)).map((r) => r.then[output.id]);
      }
      return { ...trace, outputs };
    }
  }
}

function rowOutputs(table: DecisionTable, then: Record<string, unknown>): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const output of table.outputs) if (Object.hasOwn(then, output.id)) outputs[output.id] = then[output.id];
  return outputs;
}

/** Output id -> record field, for writing a decision's outputs to the record. */
export function outputFields(table: DecisionTable, outputs: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const output of table.outputs) if (Object.hasOwn(outputs, output.id)) fields[output.field] = outputs[output.id];
  return fields;
}
