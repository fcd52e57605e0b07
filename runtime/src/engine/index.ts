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
export {
  DurableTimers,
  TimerScheduler,
  type TimerDocument,
  type SchedulerOptions,
  type FireTimer,
} from './durable-timers.ts';
export { NotificationOutbox, logDelivery, type DeliveryAdapter, type OutboxDocument } from './notification-outbox.ts';
export { openRuntime, type Runtime, type RuntimeOptions } from './runtime-services.ts';
export { applyClockEffects, calendarOf, clockMoments, durationMs, timerDueAt } from './instance-time.ts';
