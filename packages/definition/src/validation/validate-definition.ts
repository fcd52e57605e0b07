import type { Definition } from '../format/definition.ts';
import { checkClockStops } from './checks/clock-stops.ts';
import { checkDecisionTableCoverage } from './checks/decision-table-coverage.ts';
import { checkDuplicateIds } from './checks/duplicate-ids.ts';
import { checkFieldReferences } from './checks/field-references.ts';
import { checkForbiddenKeys } from './checks/forbidden-keys.ts';
import { checkNondeterminism } from './checks/nondeterminism.ts';
import { checkReachability } from './checks/reachability.ts';
import { checkRecordReferences } from './checks/record-references.ts';
import { checkRecordSchema } from './checks/record-schema.ts';
import { checkReferences } from './checks/references.ts';
import { checkRuleReferences } from './checks/rule-references.ts';
import { checkSystemTransitionsThroughForms } from './checks/system-transitions-through-forms.ts';
import { checkUnhandledEvents } from './checks/unhandled-events.ts';
import { createIssue, type Issue } from './issue.ts';

/** A semantic check: a pure function of a well-formed definition. */
export type DefinitionCheck = (definition: Definition) => Issue[];

/** The semantic checks, in the order they run. */
export const DEFINITION_CHECKS: readonly DefinitionCheck[] = [
  checkForbiddenKeys,
  checkRecordSchema,
  checkDuplicateIds,
  checkReferences,
  checkRuleReferences,
  checkFieldReferences,
  checkRecordReferences,
  checkNondeterminism,
  checkUnhandledEvents,
  checkSystemTransitionsThroughForms,
  checkReachability,
  checkClockStops,
  checkDecisionTableCoverage,
];

/**
 * Runs the semantic checks on a definition that already has the format's shape (the designer
 * runs it on every edit). Never throws: a check that fails becomes an ANALYSIS_FAILED issue.
 */
export function validateDefinition(definition: Definition): Issue[] {
  const issues: Issue[] = [];
  for (const check of DEFINITION_CHECKS) {
    try {
      issues.push(...check(definition));
    } catch (error) {
      issues.push(
        createIssue('ANALYSIS_FAILED', '', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  }
  return issues;
}
