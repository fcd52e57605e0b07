import type { Collection, Db } from 'mongodb';
import type { Clock } from '../clock.ts';
import { isDuplicateKeyError } from '../database-kind.ts';
import type { TimerPort, TimerRequest } from './engine-ports.ts';

/** A stored timer. Its status is a hint for polling; firing is made exactly-once by the event log. */
export interface TimerDocument extends TimerRequest {
  _id: string;
  status: 'pending' | 'fired' | 'cancelled';
  attempts: number;
  lastError?: string;
}

/**
 * Durable timers in the `timers` collection, with deterministic ids so an effect applied twice
 * schedules once. Any number of processes may poll them.
 */
export class DurableTimers implements TimerPort {
  readonly collection: Collection<TimerDocument>;

  constructor(db: Db) {
    this.collection = db.collection<TimerDocument>('timers');
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ status: 1, dueAt: 1 });
    await this.collection.createIndex({ instanceId: 1 });
  }

  async schedule(timer: TimerRequest): Promise<void> {
    try {
      await this.collection.insertOne({ ...timer, _id: timer.id, status: 'pending', attempts: 0 });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async cancel(id: string): Promise<void> {
    await this.collection.updateOne({ _id: id, status: 'pending' }, { $set: { status: 'cancelled' } });
  }

  /** Pending timers due at `now`, earliest first. */
  async due(now: Date, limit: number): Promise<TimerDocument[]> {
    return this.collection
      .find({ status: 'pending', dueAt: { $lte: now } })
      .sort({ dueAt: 1 })
      .limit(limit)
      .toArray();
  }

  async markFired(id: string): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $set: { status: 'fired' } });
  }

  async markFailed(timer: TimerDocument, error: unknown): Promise<void> {
    await this.collection.updateOne(
      { _id: timer._id },
      { $set: { attempts: timer.attempts + 1, lastError: error instanceof Error ? error.message : String(error) } },
    );
  }
}

/** What the scheduler needs from the engine. */
export type FireTimer = (timer: TimerRequest) => Promise<unknown>;

export interface SchedulerOptions {
  clock: Clock;
  /** Timers fired per poll (default 100). */
  batchSize?: number;
  /** Pause between polls when the last one found nothing to do (default 1000 ms). */
  idleMs?: number;
  onFired?: (timer: TimerDocument) => void;
  onError?: (timer: TimerDocument, error: unknown) => void;
}

/**
 * Polls due timers and fires them. Run one in every server process: two schedulers may pick
 * the same timer, and the engine's idempotent append (keyed by the timer id) records it once.
 * A timer due while every process was down fires on the first poll after start.
 */
export class TimerScheduler {
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly timers: DurableTimers,
    private readonly fire: FireTimer,
    private readonly options: SchedulerOptions,
  ) {}

  /** Fires every timer due at `now` (in batches until none is left); resolves to how many fired. */
  async runDue(now: Date = this.options.clock.now()): Promise<number> {
    let fired = 0;
    const batchSize = this.options.batchSize ?? 100;
    const failed = new Set<string>();
    for (;;) {
      const batch = (await this.timers.due(now, batchSize + failed.size)).filter((t) => !failed.has(t._id));
      if (batch.length === 0) return fired;
      for (const timer of batch) {
        try {
          await this.fire(timer);
          await this.timers.markFired(timer._id);
          this.options.onFired?.(timer);
          fired++;
        } catch (error) {
          failed.add(timer._id);
          await this.timers.markFailed(timer, error);
          this.options.onError?.(timer, error);
        }
      }
    }
  }

  /** Starts polling in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const fired = await this.runDue().catch((error: unknown) => {
          this.options.onError?.({} as TimerDocument, error);
          return 0;
        });
        if (fired > 0 || !this.running) continue;
        await new Promise<void>((resolve) => {
          const timeout = setTimeout(resolve, this.options.idleMs ?? 1000);
          this.wake = () => {
            clearTimeout(timeout);
            resolve();
          };
        });
        this.wake = null;
      }
    })();
  }

  /** Stops polling and waits for the current poll to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }
}
