import type { Db } from 'mongodb';
import { systemClock, type Clock } from '../clock.ts';
import { createLogAdapter } from '../delivery-adapters.ts';
import { Outbox, OutboxDispatcher, type DeliveryAdapter } from '../outbox.ts';
import type { JsonObject } from '../storable-json.ts';
import { TimerScheduler, type TimerSchedulerOptions } from '../timer-scheduler.ts';
import { TimerStore, type TimerDocument } from '../timer-store.ts';
import { silentLogger, type EngineLogger } from './engine-logger.ts';
import type { NotificationPort, TimerPort, TimerRequest } from './engine-ports.ts';
import { InstanceEngine, type EngineOptions } from './instance-engine.ts';

/** The channel notifications go to unless configured otherwise. */
export const DEFAULT_NOTIFICATION_CHANNEL = 'log';

export interface RuntimeOptions {
  clock?: Clock;
  scheduler?: Partial<Omit<TimerSchedulerOptions, 'store' | 'clock' | 'fire'>>;
  /** Delivery adapters by channel (default: the log adapter). */
  adapters?: readonly DeliveryAdapter[];
  /** Which adapter's channel engine notifications use. */
  notificationChannel?: string;
  /** Told about every timer the scheduler fired, with the engine's outcome (metrics). */
  onTimerFired?: (timer: TimerRequest, outcome: Awaited<ReturnType<InstanceEngine['fireTimer']>>) => void;
  /** Told about every applied event's new state (see {@link EngineOptions.onProjected}). */
  onProjected?: EngineOptions['onProjected'];
  /**
   * Where the runtime reports what it survives: the engine's warnings, and failed timer firings
   * and deliveries unless `scheduler.onError` is given (default: a silent logger). A server
   * passes its own (`app.log`).
   */
  logger?: EngineLogger;
}

/** The runtime of one process: the engine, its durable timers and scheduler, and the outbox and its dispatcher. */
export interface Runtime {
  engine: InstanceEngine;
  timers: TimerStore;
  scheduler: TimerScheduler;
  outbox: Outbox;
  dispatcher: OutboxDispatcher;
  clock: Clock;
}

/** The engine's timer requests as durable timers; the request travels in the payload. */
export function timerPort(store: TimerStore, clock: Clock): TimerPort {
  return {
    schedule: async (request) => {
      await store.schedule(
        {
          id: request.id,
          instanceId: request.instanceId,
          name: request.kind,
          generation: request.generation ?? 1,
          dueAt: request.dueAt,
          payload: JSON.parse(JSON.stringify(request)) as JsonObject,
        },
        clock.now(),
      );
    },
    cancel: async (id) => {
      await store.cancel(id, clock.now());
    },
  };
}

/** The timer request a stored timer carries. */
export function timerRequestOf(timer: TimerDocument): TimerRequest {
  const payload = timer.payload as unknown as Omit<TimerRequest, 'dueAt'> & { dueAt: string };
  return { ...payload, id: timer._id, dueAt: timer.dueAt };
}

/** The engine's notifications as outbox messages on one channel, addressed to a process role. */
export function notificationPort(outbox: Outbox, clock: Clock, channel: string): NotificationPort {
  return {
    enqueue: async (n) => {
      await outbox.enqueue(
        {
          id: n.id,
          instanceId: n.instanceId,
          channel,
          target: n.role,
          payload: { role: n.role, message: n.message, at: n.at.toISOString() },
        },
        clock.now(),
      );
    },
  };
}

/** Builds the runtime over a database, with every index it needs. Neither loop is started. */
export async function openRuntime(db: Db, options: RuntimeOptions = {}): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  const [timers, outbox] = await Promise.all([TimerStore.open(db), Outbox.open(db)]);
  const channel = options.notificationChannel ?? DEFAULT_NOTIFICATION_CHANNEL;
  const logger = options.logger ?? silentLogger;
  const engine = await InstanceEngine.open(db, {
    clock,
    timers: timerPort(timers, clock),
    notifications: notificationPort(outbox, clock, channel),
    logger,
    ...(options.onProjected ? { onProjected: options.onProjected } : {}),
  });
  const scheduler = new TimerScheduler({
    onError: (error, timer) =>
      logger.warn({ err: error, timerId: timer?._id }, 'timer scheduler: a firing or poll failed; it is retried'),
    ...options.scheduler,
    store: timers,
    clock,
    fire: async (timer) => {
      const request = timerRequestOf(timer);
      const result = await engine.fireTimer(request);
      options.onTimerFired?.(request, result);
      // A conflict that outlasted the retries is tried again later; other refusals are final.
      if (!result.ok && result.code === 'CONFLICT') throw new Error(`timer ${timer._id}: ${result.code}`);
    },
  });
  const dispatcher = new OutboxDispatcher({
    outbox,
    clock,
    adapters: options.adapters ?? [createLogAdapter({ channel: DEFAULT_NOTIFICATION_CHANNEL })],
    onError: (error, message) =>
      logger.warn({ err: error, messageId: message?._id }, 'outbox: a delivery or poll failed; it is retried'),
  });
  return { engine, timers, scheduler, outbox, dispatcher, clock };
}
