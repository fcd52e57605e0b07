import { Ajv, type ErrorObject } from 'ajv';
import {
  REQUIREMENT_KINDS,
  RequirementSet,
  requirementSetIssues,
  type RequirementSet as RequirementSetType,
} from '@clauseflow/conformance';
import iso20000Data from '../../requirements/iso-iec-20000-1-2018.json' with { type: 'json' };

/** Compiled once, on first use. */
let validator: ReturnType<Ajv['compile']> | undefined;

function validate(data: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: true }).compile(RequirementSet);
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/** A requirement set that failed validation; `problems` are readable, one per line. */
export class RequirementSetError extends Error {
  readonly problems: readonly string[];
  constructor(source: string, problems: readonly string[]) {
    super(`${source}: invalid requirement set (${problems.length} problem(s))\n  ${problems.join('\n  ')}`);
    this.name = 'RequirementSetError';
    this.problems = problems;
  }
}

const UNION = '#/properties/requirements/items/anyOf';
const UNION_BRANCH = /^#\/properties\/requirements\/items\/anyOf\/(\d+)\//;
const REQUIREMENT_PATH = /^\/requirements\/(\d+)(?=\/|$)/;

function requirementAt(data: unknown, index: number): Record<string, unknown> | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const list = (data as { requirements?: unknown }).requirements;
  if (!Array.isArray(list)) return undefined;
  const item: unknown = list[index];
  return typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
}

function describe(error: ErrorObject): string {
  const message = error.message ?? error.keyword;
  if (error.keyword === 'additionalProperties') {
    return `${message}: '${String((error.params as { additionalProperty?: unknown }).additionalProperty)}'`;
  }
  if (error.keyword === 'const') {
    return `${message} ${JSON.stringify((error.params as { allowedValue?: unknown }).allowedValue)}`;
  }
  return message;
}

/**
 * Turns ajv's errors into readable lines. A requirement is a union discriminated by `kind`, so
 * for each requirement only the errors of the branch its `kind` selects are kept (a bad `kind`
 * is one line); the remaining `anyOf` failures (e.g. `provenBy`) list their alternatives in one
 * line. Each line names the requirement id when there is one, and the JSON Pointer.
 */
export function readableSchemaErrors(errors: readonly ErrorObject[], data: unknown): string[] {
  const kept: ErrorObject[] = [];
  const badKind = new Set<number>();
  for (const error of errors) {
    if (error.schemaPath === UNION) continue;
    const branch = UNION_BRANCH.exec(error.schemaPath);
    const at = REQUIREMENT_PATH.exec(error.instancePath);
    if (branch && at) {
      const index = Number(at[1]);
      const kind = requirementAt(data, index)?.['kind'];
      const selected = REQUIREMENT_KINDS.indexOf(kind as (typeof REQUIREMENT_KINDS)[number]);
      if (selected < 0) badKind.add(index);
      else if (Number(branch[1]) === selected) kept.push(error);
      continue;
    }
    kept.push(error);
  }

  const lines: string[] = [];
  const label = (instancePath: string): string => {
    const at = REQUIREMENT_PATH.exec(instancePath);
    const id = at ? requirementAt(data, Number(at[1]))?.['id'] : undefined;
    const pointer = instancePath === '' ? '/' : instancePath;
    return typeof id === 'string' ? `requirement ${id} (${pointer})` : pointer;
  };
  for (const index of badKind) {
    const kind = JSON.stringify(requirementAt(data, index)?.['kind']);
    lines.push(`${label(`/requirements/${index}/kind`)}: must be one of ${REQUIREMENT_KINDS.join(', ')}, not ${kind}`);
  }
  const alternatives = kept.filter((e) => e.keyword === 'anyOf');
  for (const error of kept) {
    const inAlternative = alternatives.some((a) => a !== error && error.schemaPath.startsWith(`${a.schemaPath}/`));
    if (inAlternative) continue;
    if (error.keyword === 'anyOf') {
      const options = kept
        .filter((e) => e.schemaPath.startsWith(`${error.schemaPath}/`))
        .map(describe)
        .join(' or ');
      lines.push(`${label(error.instancePath)}: ${options || describe(error)}`);
      continue;
    }
    lines.push(`${label(error.instancePath)}: ${describe(error)}`);
  }
  return lines;
}

/**
 * Validates a requirement set: the schema (ajv, compiled once) and then the integrity rules of
 * `requirementSetIssues` (unique ids, id scheme, parents). Returns the typed set, or throws a
 * {@link RequirementSetError} whose message lists every problem.
 */
export function parseRequirementSet(data: unknown, source = 'requirement set'): RequirementSetType {
  const errors = validate(data);
  if (errors.length > 0) throw new RequirementSetError(source, readableSchemaErrors(errors, data));
  const set = data as RequirementSetType;
  const issues = requirementSetIssues(set);
  if (issues.length > 0) {
    throw new RequirementSetError(
      source,
      issues.map((i) => `${i.code} at ${i.path}: ${i.message}`),
    );
  }
  return set;
}

/** Where the shipped ISO/IEC 20000-1:2018 set lives, relative to the repository root. */
export const ISO_IEC_20000_1_2018_PATH = 'catalog/requirements/iso-iec-20000-1-2018.json';

let iso20000: RequirementSetType | undefined;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The shipped ISO/IEC 20000-1:2018 requirement set, validated on first use (the data is bundled
 * with the module, so this works in the browser as well as in Node). The result is frozen and
 * shared: copy it before changing it.
 */
export function loadRequirementSet(): RequirementSetType {
  iso20000 ??= deepFreeze(parseRequirementSet(structuredClone(iso20000Data) as unknown, ISO_IEC_20000_1_2018_PATH));
  return iso20000;
}
