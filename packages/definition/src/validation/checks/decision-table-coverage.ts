import type { DecisionTable } from '../../format/decision.ts';
import type { Definition } from '../../format/definition.ts';
import { createIssue, type Issue } from '../issue.ts';
import { childPointer, pointer } from '../json-pointer.ts';
import { cellMatches } from './decision-operators.ts';

/** Bounds keep the analysis fast on any table: reports per table, and search steps. */
const MAX_REPORTS = 10;
const MAX_STEPS = 200_000;

/** The enumerated values of an input: its `values`, else the record field's `enum`, else booleans. */
function domainOf(definition: Definition, input: DecisionTable['inputs'][number]): unknown[] | undefined {
  if (input.values !== undefined) return input.values;
  const properties = definition.record.schema.properties as Record<string, Record<string, unknown>>;
  const field = Object.hasOwn(properties, input.field) ? properties[input.field] : undefined;
  if (Array.isArray(field?.enum)) return field.enum as unknown[];
  if (field?.type === 'boolean') return [true, false];
  return undefined;
}

const describe = (names: readonly string[], values: readonly unknown[]): string =>
  names.length === 0 ? 'any input' : names.map((name, i) => `${name} = ${JSON.stringify(values[i])}`).join(', ');

function lowestBit(mask: bigint): number {
  let i = 0;
  while (((mask >> BigInt(i)) & 1n) === 0n) i++;
  return i;
}

/**
 * DECISION_TABLE_GAP and DECISION_TABLE_OVERLAP for tables with the `unique` hit policy whose
 * constrained inputs all have enumerated values: a gap is an input combination no row matches
 * (reported at the table's rows), an overlap two rows matching one combination (reported at the
 * later row). Rows are bitmasks of matched values per input; gaps are found by a pruned search.
 */
export function checkDecisionTableCoverage(definition: Definition): Issue[] {
  const issues: Issue[] = [];
  definition.decisions.forEach((decision, d) => {
    if (decision.hitPolicy !== 'unique') return;
    const constrained = decision.inputs.filter((input) =>
      decision.rows.some((row) => Object.hasOwn(row.when, input.id)),
    );
    const domains = constrained.map((input) => domainOf(definition, input));
    if (domains.some((domain) => domain === undefined)) return;
    const values = domains as unknown[][];
    const names = constrained.map((input) => input.id);
    const masks = decision.rows.map((row) =>
      constrained.map((input, k) => {
        const cell = Object.hasOwn(row.when, input.id) ? row.when[input.id] : undefined;
        let mask = 0n;
        values[k]!.forEach((value, v) => {
          if (cell === undefined || cellMatches(cell.operator, value, cell.value)) mask |= 1n << BigInt(v);
        });
        return mask;
      }),
    );
    const base = pointer('decisions', d);

    let overlaps = 0;
    let steps = 0;
    for (let b = 1; b < masks.length && overlaps < MAX_REPORTS && steps < MAX_STEPS; b++) {
      for (let a = 0; a < b && steps < MAX_STEPS; a++, steps++) {
        const common = masks[a]!.map((mask, k) => mask & masks[b]![k]!);
        if (common.some((mask) => mask === 0n)) continue;
        const example = common.map((mask, k) => values[k]![lowestBit(mask)]);
        issues.push(
          createIssue('DECISION_TABLE_OVERLAP', childPointer(base, 'rows', b), {
            decision: decision.id,
            row: decision.rows[b]!.id,
            other: decision.rows[a]!.id,
            combination: describe(names, example),
          }),
        );
        overlaps++;
        break;
      }
    }

    // Depth-first over inputs, keeping only rows that still match; an empty set is a gap.
    let gaps = 0;
    steps = 0;
    const assigned: unknown[] = [];
    const explore = (k: number, rows: number[]): void => {
      if (gaps >= MAX_REPORTS || steps++ >= MAX_STEPS) return;
      if (rows.length === 0) {
        gaps++;
        issues.push(
          createIssue('DECISION_TABLE_GAP', childPointer(base, 'rows'), {
            decision: decision.id,
            combination: describe(names.slice(0, k), assigned),
          }),
        );
        return;
      }
      if (k === values.length) return;
      values[k]!.forEach((value, v) => {
        assigned[k] = value;
        explore(
          k + 1,
          rows.filter((r) => ((masks[r]![k]! >> BigInt(v)) & 1n) === 1n),
        );
      });
      assigned.length = k;
    };
    explore(
      0,
      masks.map((_, r) => r),
    );
  });
  return issues;
}
