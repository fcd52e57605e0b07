import type { Definition } from '@clauseflow/definition';
import type { Assertion } from '../assertions/assertion.ts';
import type { AssertionMap } from '../assertions/assertion-map.ts';
import { indexDefinition } from '../assertions/definition-index.ts';
import { failure } from '../assertions/result.ts';
import { evaluateAssertion } from '../assertions/registry.ts';
import type { AssertionResult } from '../assertions/result.ts';
import type { ProcessRequirement, Requirement, RequirementSet } from '../requirement-set/index.ts';
import {
  VERDICT_STATUSES,
  type CheckResult,
  type ClaimSource,
  type NotApplicableVerdict,
  type Verdict,
  type VerdictFailure,
  type VerdictStatus,
} from './verdict.ts';

/** Options of {@link check}. */
export interface CheckOptions {
  /**
   * The claims of the template a tailored copy derives from (`definition.derivedFrom`). A copy
   * without a `claims` list inherits them all; a copy with one must keep every one of them, and
   * each it dropped fails (`CLAIM_DROPPED`). The caller looks the template up.
   */
  templateClaims?: readonly string[];
  /**
   * `claims` (default): evaluate the claimed requirements only; the others of the definition's
   * process area are `not-applicable` (not claimed). `applicable`: evaluate those too, which is
   * what a designer shows while a process owner works towards a claim.
   */
  scope?: 'claims' | 'applicable';
}

const MAX_PATH_IN_TEXT = 6;

function listText(items: readonly string[]): string {
  const shown = items.slice(0, MAX_PATH_IN_TEXT).join(', ');
  return items.length > MAX_PATH_IN_TEXT ? `${shown}, …` : shown;
}

function base(requirement: Requirement): Pick<Verdict, 'requirement' | 'clause' | 'kind' | 'title'> {
  return { requirement: requirement.id, clause: requirement.clause, kind: requirement.kind, title: requirement.title };
}

function notApplicable(requirement: Requirement, reason: NotApplicableVerdict['reason']): Verdict {
  return { ...base(requirement), status: 'not-applicable', reason };
}

/**
 * Checks a definition against a requirement set: one verdict per requirement, in the set's
 * order. Process requirements that the definition claims (or inherits from its template) are
 * evaluated with the assertion map; a claim the template had and the copy dropped fails, so
 * conformance cannot be fixed by deleting claims. Pure and deterministic; the definition is
 * indexed once and each distinct assertion is evaluated once, so it runs on every keystroke.
 */
export function check(
  definition: Definition,
  requirementSet: RequirementSet,
  assertionMap: AssertionMap,
  options: CheckOptions = {},
): CheckResult {
  const index = indexDefinition(definition);
  const own = new Set(definition.claims ?? []);
  const inherited = new Set(options.templateClaims ?? []);
  const areas = new Set(definition.tags);
  const template = definition.derivedFrom
    ? `${definition.derivedFrom.packName}/${definition.derivedFrom.templateKey}@${definition.derivedFrom.version}`
    : 'template';
  const cache = new Map<string, AssertionResult>();
  const evaluate = (assertion: Assertion): AssertionResult => {
    const key = JSON.stringify(assertion);
    let result = cache.get(key);
    if (!result) {
      result = evaluateAssertion(assertion, index);
      cache.set(key, result);
    }
    return result;
  };

  const evaluateProcess = (requirement: ProcessRequirement, claim: ClaimSource | 'dropped'): Verdict => {
    const failures: VerdictFailure[] = [];
    if (claim === 'dropped') {
      failures.push(
        failure('CLAIM_DROPPED', '/claims', { element: 'claim' }, { requirement: requirement.id, template }),
      );
    }
    const assertions = Object.hasOwn(assertionMap.assertions, requirement.id)
      ? assertionMap.assertions[requirement.id]!
      : [];
    if (assertions.length === 0) {
      failures.push(
        failure('REQUIREMENT_NOT_MAPPED', '/claims', { element: 'assertion' }, { requirement: requirement.id }),
      );
    }
    for (const assertion of assertions) {
      for (const f of evaluate(assertion).failures) failures.push({ ...f, assertion });
    }
    if (failures.length > 0) return { ...base(requirement), status: 'fail', claim, failures };
    return { ...base(requirement), status: 'pass', claim: claim as ClaimSource, assertions: assertions.length };
  };

  const verdicts = requirementSet.requirements.map((requirement): Verdict => {
    switch (requirement.kind) {
      case 'platform':
        return {
          ...base(requirement),
          status: 'platform',
          feature: requirement.platform.feature,
          provenBy: requirement.platform.provenBy,
        };
      case 'organizational': {
        const verdict: Verdict = {
          ...base(requirement),
          status: 'organizational',
          evidence: requirement.organizational.evidence,
        };
        if (requirement.organizational.template !== undefined) verdict.template = requirement.organizational.template;
        return verdict;
      }
      case 'process': {
        const id = requirement.id;
        // A copy without a `claims` list inherits every template claim; one with a list keeps them all.
        if (inherited.has(id) && !own.has(id) && definition.claims !== undefined) {
          return evaluateProcess(requirement, 'dropped');
        }
        if (own.has(id)) return evaluateProcess(requirement, 'own');
        if (inherited.has(id)) return evaluateProcess(requirement, 'template');
        const processes = requirement.processes;
        const applicable = processes === undefined || processes.some((p) => areas.has(p));
        if (applicable && options.scope === 'applicable') return evaluateProcess(requirement, 'unclaimed');
        if (!applicable) {
          const list = listText(processes ?? []);
          const tags = listText(definition.tags) || '—';
          return notApplicable(requirement, {
            code: 'OTHER_PROCESS_AREA',
            text: {
              en: `Applies to ${list}; this definition's process areas are ${tags}.`,
              zh: `适用于 ${list}；此定义的流程领域为 ${tags}。`,
            },
            processes: [...(processes ?? [])],
          });
        }
        return notApplicable(requirement, {
          code: 'NOT_CLAIMED',
          text: { en: `This definition does not claim requirement ${id}.`, zh: `此定义未声明满足要求 ${id}。` },
        });
      }
    }
  });

  const known = new Set(requirementSet.requirements.map((r) => r.id));
  const unknownClaims = [...new Set([...own, ...inherited])].filter((id) => !known.has(id)).sort();
  const summary = Object.fromEntries(VERDICT_STATUSES.map((s) => [s, 0])) as Record<VerdictStatus, number>;
  for (const v of verdicts) summary[v.status]++;
  return {
    requirementSet: { id: requirementSet.id, version: requirementSet.version },
    definition: { key: definition.key, version: definition.version },
    verdicts,
    summary,
    unknownClaims,
    ok: summary.fail === 0,
  };
}
