import { loadAssertionMap, loadRequirementSet } from '@clauseflow/catalog';
import {
  type AssertionMap,
  check,
  type CheckResult,
  type RequirementSet,
  type VerdictFailure,
} from '@clauseflow/conformance';
import type { Definition } from '@clauseflow/definition';
import type { LocalizedText } from '@clauseflow/common';

/** One failed requirement, flattened: where the fix belongs and why, in both languages. */
export interface ConformanceProblem {
  requirement: string;
  code: string;
  /** JSON Pointer into the definition. */
  path: string;
  message: LocalizedText;
}

/** The outcome of {@link DefinitionConformance.checkDefinition}. */
export interface DefinitionCheck {
  ok: boolean;
  result: CheckResult;
  problems: ConformanceProblem[];
}

function problemOf(requirement: string, failure: VerdictFailure): ConformanceProblem {
  return {
    requirement,
    code: failure.code,
    path: failure.pointer,
    message: {
      en: `${requirement}: ${failure.explanation.en}`,
      zh: `${requirement}：${failure.explanation.zh}`,
    },
  };
}

/**
 * The one place the server checks conformance: the ISO/IEC 20000-1:2018 requirement set and the
 * assertion map are loaded once, and publish, pack verification and upgrades all ask
 * {@link checkDefinition}.
 */
export class DefinitionConformance {
  private constructor(
    readonly requirementSet: RequirementSet,
    readonly assertionMap: AssertionMap,
  ) {}

  /** Loads the shipped requirement set and assertion map (throws when the catalogue data is broken). */
  static load(): DefinitionConformance {
    return new DefinitionConformance(loadRequirementSet(), loadAssertionMap());
  }

  /**
   * Checks a definition's claims. A tailored copy passes the claims of the template it derives
   * from as `templateClaims`; it inherits them and cannot drop them.
   */
  checkDefinition(definition: Definition, templateClaims?: readonly string[]): DefinitionCheck {
    const result = check(definition, this.requirementSet, this.assertionMap, templateClaims ? { templateClaims } : {});
    const problems: ConformanceProblem[] = [];
    for (const verdict of result.verdicts) {
      if (verdict.status === 'fail') for (const f of verdict.failures) problems.push(problemOf(verdict.requirement, f));
    }
    for (const claim of result.unknownClaims) {
      problems.push({
        requirement: claim,
        code: 'UNKNOWN_CLAIM',
        path: '/claims',
        message: {
          en: `${claim}: the requirement set has no such requirement.`,
          zh: `${claim}：要求集中没有该要求。`,
        },
      });
    }
    return { ok: result.ok && result.unknownClaims.length === 0, result, problems };
  }
}
