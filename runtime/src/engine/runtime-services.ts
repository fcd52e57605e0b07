import type { Db } from 'mongodb';
import { systemClock, type Clock } from '../clock.ts';
import { DurableTimers, TimerScheduler, type SchedulerOptions } from './durable-timers.ts';
import { InstanceEngine } from './instance-engine.ts';
import { NotificationOutbox } from './notification-outbox.ts';

export interface RuntimeOptions {
  clock?: Clock;
  scheduler?: Omit<SchedulerOptions, 'clock'>;
}

/** The runtime of one process: the engine, its durable timers and scheduler, and the outbox. */
export interface Runtime {
  engine: InstanceEngine;
  timers: DurableTimers;
  scheduler: TimerScheduler;
  outbox: NotificationOutbox;
  clock: Clock;
}

/** Builds the runtime over a database, with every index it needs. The scheduler is not started. */
export async function openRuntime(db: Db, options: RuntimeOptions = {}): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  const timers = new DurableTimers(db);
  const outbox = new NotificationOutbox(db, clock);
  await Promise.all([timers.ensureIndexes(), outbox.ensureIndexes()]);
  const engine = await InstanceEngine.open(db, { clock, timers, notifications: outbox });
  const scheduler = new TimerScheduler(timers, (timer) => engine.fireTimer(timer), { ...options.scheduler, clock });
  return { engine, timers, scheduler, outbox, clock };
}
