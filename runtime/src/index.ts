import { DEFINITION_FORMAT_VERSION } from '@clauseflow/definition';

/** The definition format versions the runtime can run. */
export const RUNNABLE_DEFINITION_FORMATS: readonly number[] = [DEFINITION_FORMAT_VERSION];

// Definitions (drafts, immutable versions) and the template catalogue (packs, upgrades).
export * from './definitions/definition-store.ts';
export * from './catalogue/index.ts';

// The instance engine, its timers, scheduler and outbox; simulation on the pure core.
export * from './engine/index.ts';
export { simulate, type SimulationScript, type SimulationInput, type SimulationFrame } from './simulation/simulate.ts';

// Persistence and time primitives: clocks, business calendars, SLA clock arithmetic, the
// hash-chained event log, durable timers and their scheduler, the notification outbox.
export * from './clock.ts';
export * from './runtime-error-codes.ts';
export * from './business-calendar.ts';
export * from './sla-clock.ts';
export { canonicalJson, sha256Hex } from './canonical-json.ts';
export { assertStorableJsonObject, storableJsonProblem, type JsonObject, type JsonValue } from './storable-json.ts';
export * from './database-kind.ts';
export * from './event-log.ts';
export { appendWithRetry, type AppendWithRetryOptions, type RetriedAppendResult } from './append-with-retry.ts';
export * from './timer-store.ts';
export * from './timer-scheduler.ts';
export * from './outbox.ts';
export { createLogAdapter, createWebhookAdapter, type WebhookAdapterOptions } from './delivery-adapters.ts';
export { INSTANCES_COLLECTION, instanceEventBody, purgeInstanceData } from './instance-data.ts';
