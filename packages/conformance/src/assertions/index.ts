export {
  Assertion,
  StateExists,
  EveryPathPasses,
  FieldExists,
  FieldRequiredBefore,
  FieldRequiredOnEntry,
  FormCaptures,
  DecisionSets,
  EscalationFromOpen,
  NotifiesOnEntry,
  RoleExists,
  RoleResponsible,
  PeriodicReviewTimer,
  ApprovalRequired,
  SegregationOfDuties,
  DifferentActors,
  ClockCovers,
  TransitionExists,
  CreatesLinkedRecord,
  type AssertionKind,
  type AssertionOf,
} from './assertion.ts';
export { AssertionMap } from './assertion-map.ts';
export { CONFORMANCE_FAILURE_CODES, formatFailure, type ConformanceFailureCode } from './failure-codes.ts';
export { indexDefinition, type DefinitionIndex, type FormFieldSlot } from './definition-index.ts';
export type { Evaluator } from './evaluator.ts';
export { EVALUATORS, ASSERTION_KINDS, evaluateAssertion } from './registry.ts';
export { pointer, type AssertionFailure, type AssertionResult, type ElementKind } from './result.ts';
