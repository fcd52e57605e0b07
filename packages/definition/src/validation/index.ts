export { ISSUE_CODES, ISSUE_CODE_LIST, type IssueCode, type IssueCodeSpec, type IssueSeverity } from './issue-codes.ts';
export { createIssue, hasErrors, localizeIssue, type Issue, type Language } from './issue.ts';
export { parsePointer, pointer, resolvePointer } from './json-pointer.ts';
export { parseDefinition, type ParseResult } from './parse-definition.ts';
export { DEFINITION_CHECKS, validateDefinition, type DefinitionCheck } from './validate-definition.ts';
export { validateDefinitionShape } from './schema-validation.ts';
export {
  FORMAT_0,
  UNTRANSLATED_MARK,
  migrate0To1,
  migrateDefinition,
  type MigrationResult,
} from '../migrations/index.ts';
export { checkReferencedProcesses } from './checks/record-references.ts';
