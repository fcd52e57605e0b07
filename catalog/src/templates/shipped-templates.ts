import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { check, type CheckOptions, type CheckResult } from '@clauseflow/conformance';
import {
  compile,
  step,
  parseDefinition,
  type Actor,
  type CompiledProcess,
  type Definition,
  type InstanceState,
  type ParseResult,
  type StepResult,
} from '@clauseflow/definition';
import {
  loadAssertionMap,
  SHIPPED_TEMPLATES_DIR,
  shippedPackInfo,
  shippedTemplatePaths,
} from '../shipped-catalogue.ts';
import { loadRequirementSet } from '../requirements/load-requirement-set.ts';

const TEMPLATES = SHIPPED_TEMPLATES_DIR;
export { shippedPackInfo };

/** The definition files of the shipped templates (`<id>/definition.json` under `catalog/templates/`), sorted. */
export const shippedTemplateFiles: () => string[] = shippedTemplatePaths;

/** One shipped template as `parseDefinition` reads it. */
export function parseShippedTemplate(file: string): ParseResult {
  return parseDefinition(JSON.parse(readFileSync(new URL(file, TEMPLATES), 'utf8')));
}

/** A shipped template as a fresh definition; throws when it does not parse. */
export function shippedTemplate(file: string): Definition {
  const { definition, issues } = parseShippedTemplate(file);
  if (!definition) throw new Error(`${file}: ${issues.map((i) => `${i.code} ${i.path}`).join(', ')}`);
  return definition;
}

/**
 * A shipped template under test: the definition, its compiled process, a sender of its events,
 * and the process requirements of the clause it serves (e.g. `8.6.1`).
 */
export function templateScenario(file: string, clause: string) {
  const template = shippedTemplate(file);
  const compiled = compile(template);
  return { template, compiled, send: sender(compiled), requirements: processRequirementsOf(clause) };
}

/** Asserts that each of `ids` passes, that no verdict fails and that every claim names a requirement of the set. */
export function expectClaimsPass(result: CheckResult, ids: readonly string[]): void {
  const status = (id: string) => result.verdicts.find((v) => v.requirement === id)?.status;
  for (const id of ids) expect(status(id), id).toBe('pass');
  expect(result.verdicts.filter((v) => v.status === 'fail')).toEqual([]);
  expect(result.unknownClaims).toEqual([]);
  expect(result.ok).toBe(true);
}

/** Checks a definition against the shipped ISO/IEC 20000-1:2018 requirement set and assertion map. */
export function checkShipped(definition: Definition, options: CheckOptions = {}): CheckResult {
  return check(definition, loadRequirementSet(), loadAssertionMap(), options);
}

/** The ids of the `process` requirements of one clause (e.g. `8.6.1`) in the requirement set. */
export function processRequirementsOf(clause: string): string[] {
  return loadRequirementSet()
    .requirements.filter((r) => r.kind === 'process' && r.clause === clause)
    .map((r) => r.id);
}

/** The step's result when it was taken; throws with the rejection code otherwise. */
export function ok(result: StepResult): Extract<StepResult, { ok: true }> {
  if (!result.ok) throw new Error(`rejected: ${result.rejection.code}`);
  return result;
}

/** Sends `type` as `actor` (with form `data`) to an instance of `compiled`; throws when refused. */
export function sender(compiled: CompiledProcess) {
  return async (state: InstanceState, type: string, actor: Actor, data?: Record<string, unknown>) =>
    ok(await step(compiled, state, { type, actor, ...(data ? { data } : {}) }));
}

/** Asserts that every transition a person takes names a form of the template labelled in both languages. */
export function expectBilingualFormOnEveryManualTransition(template: Definition): void {
  const forms = new Map(template.forms.map((f) => [f.id, f]));
  // `actors: []` marks a transition only the system takes (a timer's event): nobody fills a form there.
  for (const t of template.transitions.filter((x) => !x.automatic && !(x.actors && x.actors.length === 0))) {
    const form = t.form === undefined ? undefined : forms.get(t.form);
    expect(form, t.id).toBeDefined();
    expect(form!.label.en.length * form!.label.zh.length, t.id).toBeGreaterThan(0);
    for (const section of form!.sections) expect(section.label.zh, `${t.id}/${section.id}`).toMatch(/[\u4e00-\u9fff]/);
  }
}
