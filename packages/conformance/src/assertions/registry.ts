import type { Definition } from '@clauseflow/definition';
import type { Assertion, AssertionKind } from './assertion.ts';
import { indexDefinition, type DefinitionIndex } from './definition-index.ts';
import type { Evaluator } from './evaluator.ts';
import { approvalRequired } from './kinds/approval-required.ts';
import { clockCovers } from './kinds/clock-covers.ts';
import { createsLinkedRecord } from './kinds/creates-linked-record.ts';
import { decisionSets } from './kinds/decision-sets.ts';
import { differentActors } from './kinds/different-actors.ts';
import { escalationFromOpen } from './kinds/escalation-from-open.ts';
import { everyPathPasses } from './kinds/every-path-passes.ts';
import { fieldExists } from './kinds/field-exists.ts';
import { fieldRequiredBefore } from './kinds/field-required-before.ts';
import { fieldRequiredOnEntry } from './kinds/field-required-on-entry.ts';
import { formCaptures } from './kinds/form-captures.ts';
import { notifiesOnEntry } from './kinds/notifies-on-entry.ts';
import { periodicReviewTimer } from './kinds/periodic-review-timer.ts';
import { roleExists } from './kinds/role-exists.ts';
import { roleResponsible } from './kinds/role-responsible.ts';
import { segregationOfDuties } from './kinds/segregation-of-duties.ts';
import { stateExists } from './kinds/state-exists.ts';
import { transitionExists } from './kinds/transition-exists.ts';
import type { AssertionFailure, AssertionResult } from './result.ts';

/** One evaluator per assertion kind: a kind without an evaluator fails to compile. */
export const EVALUATORS: { readonly [K in AssertionKind]: Evaluator<K> } = {
  stateExists,
  everyPathPasses,
  fieldExists,
  fieldRequiredBefore,
  fieldRequiredOnEntry,
  formCaptures,
  decisionSets,
  escalationFromOpen,
  notifiesOnEntry,
  roleExists,
  roleResponsible,
  periodicReviewTimer,
  approvalRequired,
  segregationOfDuties,
  differentActors,
  clockCovers,
  transitionExists,
  createsLinkedRecord,
};

/** Every assertion kind, in vocabulary order. */
export const ASSERTION_KINDS = Object.keys(EVALUATORS) as AssertionKind[];

/**
 * Evaluates one assertion. Pass an index built by {@link indexDefinition} when evaluating many
 * assertions on the same definition; a definition is indexed on the fly otherwise.
 */
export function evaluateAssertion(assertion: Assertion, target: Definition | DefinitionIndex): AssertionResult {
  const index = 'definition' in target && 'stateIndex' in target ? target : indexDefinition(target);
  // The registry's type pairs each kind with its evaluator; TypeScript cannot correlate the union here.
  const evaluate = EVALUATORS[assertion.kind] as (a: Assertion, i: DefinitionIndex) => AssertionFailure[];
  const failures = evaluate(assertion, index);
  return { assertion, ok: failures.length === 0, failures };
}
