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
import type { TemplateOf } from '../processes/definition-checks.ts';

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

/** The problem of a tailored copy whose template is not to be found. */
export function templateNotFound(from: NonNullable<Definition['derivedFrom']>): ConformanceProblem {
  const named = `${from.packName}/${from.templateKey} v${from.version}`;
  return {
    requirement: 'derivedFrom',
    code: 'TEMPLATE_NOT_FOUND',
    path: '/derivedFrom',
    message: {
      en: `derivedFrom: template ${named} is not in the catalogue, so the claims this copy inherits cannot be checked. Import its pack first.`,
      zh: `derivedFrom：目录中没有模板 ${named}，因此无法检查此副本继承的声明。请先导入其模板包。`,
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

  /**
   * Checks a definition with what its `derivedFrom` resolved to. A copy whose template cannot be
   * found fails with TEMPLATE_NOT_FOUND at `/derivedFrom`: without the template's claims the
   * verdict could not see a dropped claim, so it is never a pass.
   */
  checkWith(definition: Definition, template: TemplateOf): DefinitionCheck {
    if (template.kind === 'found') return this.checkDefinition(definition, template.claims);
    const checked = this.checkDefinition(definition);
    if (template.kind === 'not-derived') return checked;
    return { ...checked, ok: false, problems: [templateNotFound(template.from), ...checked.problems] };
  }
}
