// The vocabulary: every assertion kind's schema, the union and its types.
export * from './assertion.ts';
export { AssertionMap } from './assertion-map.ts';
export { CONFORMANCE_FAILURE_CODES, formatFailure, type ConformanceFailureCode } from './failure-codes.ts';
export { indexDefinition, type DefinitionIndex, type FormFieldSlot } from './definition-index.ts';
export type { Evaluator } from './evaluator.ts';
export { EVALUATORS, ASSERTION_KINDS, evaluateAssertion } from './registry.ts';
export { pointer, type AssertionFailure, type AssertionResult, type ElementKind } from './result.ts';
