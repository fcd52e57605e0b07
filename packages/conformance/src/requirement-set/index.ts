export {
  RequirementText,
  PlatformMapping,
  OrganizationalMapping,
  ProcessRequirement,
  PlatformRequirement,
  OrganizationalRequirement,
  Requirement,
  RequirementSet,
  REQUIREMENT_KINDS,
  REQUIREMENT_ID_PATTERN,
  CLAUSE_PATTERN,
  AREA_KEY_PATTERN,
  type RequirementKind,
} from './requirement-set.ts';
export { parseRequirementId, isStatementId, type RequirementIdParts } from './requirement-id.ts';
export {
  requirementSetIssues,
  REQUIREMENT_SET_ISSUE_CODES,
  type RequirementSetIssue,
  type RequirementSetIssueCode,
} from './requirement-set-issues.ts';
