export { check, type CheckOptions } from './check.ts';
export {
  VERDICT_STATUSES,
  type VerdictStatus,
  type Verdict,
  type VerdictFailure,
  type PassVerdict,
  type FailVerdict,
  type NotApplicableVerdict,
  type NotApplicableCode,
  type OrganizationalVerdict,
  type PlatformVerdict,
  type ClaimSource,
  type CheckResult,
} from './verdict.ts';
