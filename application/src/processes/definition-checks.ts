import { checkReferencedProcesses, recordReferenceFields, type Definition, type Issue } from '@clauseflow/definition';
import type { DefinitionStore, TemplateCatalogue } from '@clauseflow/runtime';
import type { DefinitionCheck, DefinitionConformance } from '../conformance/definition-conformance.ts';

/** The template a tailored copy names in `derivedFrom`, as a lookup finds it. */
export type TemplateOf =
  | { kind: 'not-derived' }
  | { kind: 'found'; claims: string[] }
  | { kind: 'missing'; from: NonNullable<Definition['derivedFrom']> };

/** Finds a template by pack, key and version (the server: imported packs; the CLI: shipped ones and a pack file). */
export type TemplateLookup = (
  pack: string,
  key: string,
  version: number,
) => Promise<Definition | null> | Definition | null;

/**
 * The template a tailored copy derives from: its claims (a copy inherits them and may not drop
 * them), or `missing` when no template matches, which no caller may treat as a pass.
 */
export async function templateOf(definition: Definition, lookup: TemplateLookup): Promise<TemplateOf> {
  const from = definition.derivedFrom;
  if (!from) return { kind: 'not-derived' };
  const template = await lookup(from.packName, from.templateKey, from.version);
  return template ? { kind: 'found', claims: template.claims ?? [] } : { kind: 'missing', from };
}

/** Checks a definition, a tailored copy against its template's claims (found among the imported packs). */
export async function checkWithTemplate(
  conformance: DefinitionConformance,
  catalogue: TemplateCatalogue,
  definition: Definition,
): Promise<DefinitionCheck> {
  const template = await templateOf(definition, (pack, key, version) => catalogue.templateVersion(pack, key, version));
  return conformance.checkWith(definition, template);
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
