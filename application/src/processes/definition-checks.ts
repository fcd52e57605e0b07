import { checkReferencedProcesses, recordReferenceFields, type Definition, type Issue } from '@clauseflow/definition';
import type { DefinitionStore, TemplateCatalogue } from '@clauseflow/runtime';
import type { DefinitionCheck, DefinitionConformance } from '../conformance/definition-conformance.ts';

/**
 * The claims of the template a tailored copy derives from, looked up in the catalogue (a copy
 * inherits them and may not drop them); undefined for a definition that is not a copy.
 */
export async function templateClaimsOf(
  catalogue: TemplateCatalogue,
  definition: Definition,
): Promise<string[] | undefined> {
  const from = definition.derivedFrom;
  if (!from) return undefined;
  const template = await catalogue.templateVersion(from.packName, from.templateKey, from.version);
  return template ? (template.claims ?? []) : undefined;
}

/** Checks a definition, a tailored copy against its template's claims. */
export async function checkWithTemplate(
  conformance: DefinitionConformance,
  catalogue: TemplateCatalogue,
  definition: Definition,
): Promise<DefinitionCheck> {
  return conformance.checkDefinition(definition, await templateClaimsOf(catalogue, definition));
}

/** A conformance check as callers show it: the verdict, its counts and the flattened problems. */
export interface ConformanceSummary {
  ok: boolean;
  requirementSet: DefinitionCheck['result']['requirementSet'];
  summary: DefinitionCheck['result']['summary'];
  problems: DefinitionCheck['problems'];
}

/** The summary of a conformance check. */
export function conformanceSummary(check: DefinitionCheck): ConformanceSummary {
  return {
    ok: check.ok,
    requirementSet: check.result.requirementSet,
    summary: { ...check.result.summary },
    problems: check.problems,
  };
}

/**
 * UNKNOWN_REFERENCED_PROCESS issues: record-reference fields (`x-ref`) naming a process with no
 * published version (the definition's own process may be named: records referencing their kind).
 */
export async function referencedProcessIssues(definitions: DefinitionStore, definition: Definition): Promise<Issue[]> {
  const published = new Set<string>();
  for (const key of new Set(recordReferenceFields(definition.record.schema).map((ref) => ref.process))) {
    if (await definitions.latest(key)) published.add(key);
  }
  return checkReferencedProcesses(definition, published);
}
