export { InstanceEngine, type SendInput, type SendOptions, type StartOptions } from './instance-engine.ts';
export { SYSTEM_ACTOR, type EngineActor, type InstanceEventBody } from './instance-event.ts';
export { type EngineFailure, type EngineFailureCode, type EngineResult, type EngineSuccess } from './engine-outcome.ts';
export type { LoadedInstance } from './instance-loader.ts';
export type { ProjectedChange } from './effect-applier.ts';
export type { EngineLogger } from './engine-logger.ts';
export type { TimerPort, TimerRequest, NotificationPort, NotificationRequest } from './engine-ports.ts';
export {
  InstanceProjections,
  projectInstance,
  type InstanceDocument,
  type ClockSummary,
} from './instance-projection.ts';
export { ProcessRegistry } from './process-registry.ts';
export { previewMigration, applyMigration, type StateMap, type MigrationPreview } from './instance-migration.ts';
export {
  openRuntime,
  timerPort,
  timerRequestOf,
  notificationPort,
  DEFAULT_NOTIFICATION_CHANNEL,
  type Runtime,
  type RuntimeOptions,
} from './runtime-services.ts';
export { applyClockEffects, calendarOf, clockMoments, durationMs, timerDueAt } from './instance-time.ts';
