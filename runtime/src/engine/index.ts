export {
  InstanceEngine,
  SYSTEM_ACTOR,
  type EngineActor,
  type EngineFailure,
  type EngineFailureCode,
  type EngineResult,
  type EngineSuccess,
  type InstanceEventBody,
  type LoadedInstance,
  type ProjectedChange,
  type SendOptions,
  type StartOptions,
} from './instance-engine.ts';
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
