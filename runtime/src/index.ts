import { DEFINITION_FORMAT_VERSION } from '@clauseflow/definition';

/** The definition format versions the runtime can run. */
export const RUNNABLE_DEFINITION_FORMATS: readonly number[] = [DEFINITION_FORMAT_VERSION];

// Definitions (drafts, immutable versions) and the template catalogue (packs, upgrades).
export * from './definitions/definition-store.ts';
export * from './catalogue/index.ts';

// The instance engine, its timers, scheduler and outbox; simulation on the pure core.
export * from './engine/index.ts';
export { simulate, type SimulationScript, type SimulationInput, type SimulationFrame } from './simulation/simulate.ts';
export { TestClock, systemClock, type Clock } from './clock.ts';

// Persistence and time primitives: clocks, business calendars, SLA clock arithmetic, the
// hash-chained event log, durable timers and their scheduler, the notification outbox.
export { DAY, HOUR, MINUTE, SECOND, type InstantLike } from './clock.ts';
export {
  RUNTIME_ERROR_CODES,
  RuntimeError,
  describeRuntimeError,
  isRuntimeError,
  type RuntimeErrorCode,
} from './runtime-error-codes.ts';
export {
  CALENDAR_24X7,
  addBusinessTime,
  assertValidCalendar,
  businessTimeBetween,
  isBusinessTime,
  nextBusinessInstant,
  type BusinessCalendar,
  type Interval,
  type Weekday,
} from './business-calendar.ts';
export {
  slaBreachAt,
  slaElapsed,
  slaIsBreached,
  slaPause,
  slaRemaining,
  slaResume,
  slaStart,
  slaStop,
  slaView,
  slaWarningAt,
  slaWarningTimes,
  type SlaClockRecord,
  type SlaClockSpec,
  type SlaClockStatus,
  type SlaClockView,
} from './sla-clock.ts';
export { canonicalJson, sha256Hex } from './canonical-json.ts';
export { assertStorableJsonObject, storableJsonProblem, type JsonObject, type JsonValue } from './storable-json.ts';
export {
  bulkWriteRefusals,
  detectDatabaseKind,
  isDuplicateKeyError,
  type BulkWriteRefusal,
  type DatabaseKind,
} from './database-kind.ts';
export {
  EVENTS_COLLECTION,
  EventLog,
  decodeEvent,
  emptyHead,
  eventHash,
  eventId,
  headOf,
  type AppendOptions,
  type AppendResult,
  type ChainBreak,
  type EventDocument,
  type EventLogOptions,
  type LogHead,
  type NewEvent,
  type ReadStrategy,
  type StoredEvent,
  type VerifyResult,
} from './event-log.ts';
export { appendWithRetry, type AppendWithRetryOptions, type RetriedAppendResult } from './append-with-retry.ts';
export {
  TIMERS_COLLECTION,
  TimerStore,
  timerId,
  timerIdempotencyKey,
  type ScheduleResult,
  type TimerSpec,
  type TimerStatus,
  type TimerDocument,
} from './timer-store.ts';
export {
  TimerScheduler,
  fireIntoEventLog,
  type FireTimer,
  type RunDueResult,
  type TimerSchedulerOptions,
} from './timer-scheduler.ts';
export {
  OUTBOX_COLLECTION,
  DeliveryError,
  Outbox,
  OutboxDispatcher,
  outboxId,
  type DeliveryAdapter,
  type DispatchResult,
  type EnqueueResult,
  type OutboxDispatcherOptions,
  type OutboxEntry,
  type OutboxMessage,
  type OutboxStatus,
} from './outbox.ts';
export { createLogAdapter, createWebhookAdapter, type WebhookAdapterOptions } from './delivery-adapters.ts';
export { INSTANCES_COLLECTION, instanceEventBody, purgeInstanceData } from './instance-data.ts';
