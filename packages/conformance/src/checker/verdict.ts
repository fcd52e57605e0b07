import type { Assertion } from '../assertions/assertion.ts';
import type { AssertionFailure } from '../assertions/result.ts';
import type { RequirementKind, RequirementText } from '../requirement-set/index.ts';

/** The verdict statuses, in the order summaries list them. */
export const VERDICT_STATUSES = ['pass', 'fail', 'not-applicable', 'organizational', 'platform'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

/** A failure in a verdict: an assertion's failure (with the assertion), or a claim's (no assertion). */
export interface VerdictFailure extends AssertionFailure {
  assertion?: Assertion;
}

/** What every verdict says about its requirement. */
interface VerdictBase {
  requirement: string;
  clause: string;
  kind: RequirementKind;
  title: RequirementText;
}

/** How a process requirement came to be evaluated: claimed by the definition, inherited from its template, or only applicable. */
export type ClaimSource = 'own' | 'template' | 'unclaimed';

/** The definition meets the requirement: every assertion holds. */
export interface PassVerdict extends VerdictBase {
  status: 'pass';
  claim: ClaimSource;
  assertions: number;
}

/** The definition does not meet the requirement (or dropped its template's claim to it). */
export interface FailVerdict extends VerdictBase {
  status: 'fail';
  claim: ClaimSource | 'dropped';
  failures: VerdictFailure[];
}

/** Why a requirement is not applicable to the definition. */
export type NotApplicableCode = 'NOT_CLAIMED' | 'OTHER_PROCESS_AREA';

export interface NotApplicableVerdict extends VerdictBase {
  status: 'not-applicable';
  reason: { code: NotApplicableCode; text: RequirementText; processes?: string[] };
}

/** Only the organization can meet it; says where it keeps the evidence. */
export interface OrganizationalVerdict extends VerdictBase {
  status: 'organizational';
  evidence: RequirementText;
  template?: string;
}

/** Met by the platform for every process; names the feature and the test that proves it. */
export interface PlatformVerdict extends VerdictBase {
  status: 'platform';
  feature: RequirementText;
  provenBy: string | null;
}

/** One verdict per requirement. */
export type Verdict = PassVerdict | FailVerdict | NotApplicableVerdict | OrganizationalVerdict | PlatformVerdict;

/** The outcome of checking one definition against one requirement set. */
export interface CheckResult {
  requirementSet: { id: string; version: string };
  definition: { key: string; version: number };
  /** One verdict per requirement, in the requirement set's order. */
  verdicts: Verdict[];
  summary: Record<VerdictStatus, number>;
  /** Claimed requirement ids (own or inherited) that the requirement set does not contain, sorted. */
  unknownClaims: string[];
  /** True when no verdict is `fail`. */
  ok: boolean;
}
