export { LocalizedText, Id, Tag, Tags, IsoDuration, JsonValue } from './common.ts';
export { Condition, ConditionCyclic, OPERATORS, type Operator } from './condition.ts';
export {
  FieldSchema,
  RecordRef,
  RecordSchema,
  RecordSpec,
  Role,
  recordReferenceFields,
  type RecordReferenceField,
} from './record.ts';
export { BusinessCalendar } from './calendar.ts';
export { SlaClock, ClockAction } from './clock.ts';
export { Effect, Timer, type EffectType } from './effect.ts';
export { Approval, State } from './state.ts';
export { Guard, Transition } from './transition.ts';
export { DecisionCell, DecisionTable, RuleSet } from './decision.ts';
export { Form, FormField } from './form.ts';
export { Definition, ProcessKey, CURRENT_FORMAT_VERSION } from './definition.ts';
