export { compile, type CompiledProcess, type CompiledForm } from './compile.ts';
export {
  step,
  initialState,
  availableEvents,
  MAX_AUTOMATIC_TRANSITIONS,
  type StepResult,
  type StartOptions,
  type AvailableEvent,
} from './step.ts';
export {
  VOTE_EVENT,
  type Actor,
  type ProcessEvent,
  type InstanceState,
  type OpenTimer,
  type ClockStatus,
  type Vote,
  type ApprovalState,
  type WorkNote,
} from './instance-state.ts';
export type { EffectRecord } from './effects.ts';
export type {
  TraceEntry,
  DecisionTrace,
  RuleSetTrace,
  GuardTrace,
  TransitionTrace,
  NoteTrace,
  RuleTrace,
  ConditionTrace,
  DecisionCause,
} from './trace.ts';
export { eventDataProblems, startDataProblems, formOf } from './event-data.ts';
export { STEP_REJECTIONS, type StepRejection, type StepRejectionCode } from './rejections.ts';
export { machineSnapshot } from './snapshot.ts';
export {
  machineConfig,
  buildMachine,
  type MachineEvent,
  type ProcessMachine,
  type MachineConfigOptions,
} from './machine.ts';
export { compileDecision, evaluateDecision, type CompiledDecision } from './decision-table.ts';
export { compileRuleSet, evaluateRuleSet, type CompiledRuleSet } from './rule-set.ts';
export { CompiledRules, factsOf, type StoredRule, type EngineRun } from './rule-engine.ts';
export { resolveOwnPath, ownFacts } from './resolve-path.ts';
export {
  formJsonSchema,
  formUiSchema,
  conditionToSchema,
  defaultWidget,
  type FormUiSchema,
  type UiField,
  type Widget,
  type JsonSchema,
} from './form-schema.ts';
export type { DataProblem, DataValidation, DataValidator } from './form-validator.ts';
export { clockTarget } from './clocks.ts';
