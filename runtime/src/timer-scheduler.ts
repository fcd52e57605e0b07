import { appendWithRetry } from './append-with-retry.ts';
import type { Clock } from './clock.ts';
import type { EventLog, StoredEvent } from './event-log.ts';
import { PollingLoop } from './polling-loop.ts';
import { RuntimeError } from './runtime-error-codes.ts';
import { timerIdempotencyKey, type TimerDocument, type TimerStore } from './timer-store.ts';

/**
 * Raises a due timer's event. It must be idempotent per timer — in practice an event append
 * keyed {@link timerIdempotencyKey} — because schedulers in several processes may fire the
 * same timer at once, and a crash between firing and marking it fired repeats the firing.
 * Throw to have the timer retried later.
 */
export type FireTimer = (timer: TimerDocument, now: Date) => Promise<unknown>;

export interface TimerSchedulerOptions {
  store: TimerStore;
  clock: Clock;
  fire: FireTimer;
  /** Timers read per poll query (default 100). */
  batchSize?: number;
  /** Timers fired at once within a batch (default 4). */
  concurrency?: number;
  /** Pause between polls when there was nothing more to do (default 1000 ms, real time). */
  pollIntervalMs?: number;
  /** Retry delay after the first failed firing, doubled per further failure (default 1 s). */
  retryBaseMs?: number;
  /** Upper bound of the retry delay (default 5 min). */
  retryMaxMs?: number;
  /** Batches per `runDue` before it yields to the next poll (default 50). */
  maxBatchesPerRun?: number;
  /** Fired and cancelled timers older than this are purged by the polling loop (default 7 days; null keeps them). */
  retentionMs?: number | null;
  /** Told about failed firings and failed polls; the loop carries on. */
  onError?: (error: unknown, timer?: TimerDocument) => void;
}

/** What one `runDue` did. */
export interface RunDueResult {
  /** Timers whose fire callback succeeded (including ones another scheduler fired too). */
  fired: number;
  failed: number;
  /** Timers another scheduler had fired, cancelled or postponed by the time this one got to them. */
  skipped: number;
  batches: number;
}

const PURGE_EVERY_POLLS = 60;

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/**
 * Polls due timers in batches and fires them. Any number of processes may run one over the
 * same store: correctness comes from firing being idempotent, not from claiming, since FerretDB
 * has no atomic update to claim with. A timer that came due while nothing ran fires on the
 * first poll after `start`.
 */
export class TimerScheduler {
  readonly #o: Required<Omit<TimerSchedulerOptions, 'onError' | 'retentionMs'>> &
    Pick<TimerSchedulerOptions, 'onError'> & { retentionMs: number | null };
  readonly #polling: PollingLoop<RunDueResult>;
  #polls = 0;
  /** Timers whose status hint could not be written; kept out of this process's polls. */
  readonly #stuck = new Set<string>();

  constructor(options: TimerSchedulerOptions) {
    this.#o = {
      batchSize: 100,
      concurrency: 4,
      pollIntervalMs: 1000,
      retryBaseMs: 1000,
      retryMaxMs: 5 * 60_000,
      maxBatchesPerRun: 50,
      retentionMs: 7 * 24 * 3600_000,
      ...options,
    };
    this.#polling = new PollingLoop<RunDueResult>({
      round: () => this.runDue(),
      idle: { fired: 0, failed: 0, skipped: 0, batches: 0 },
      busy: (result) => result.batches >= this.#o.maxBatchesPerRun,
      pauseMs: this.#o.pollIntervalMs,
      afterRound: () => this.#maybePurge(),
      onError: (error) => this.#o.onError?.(error),
    });
  }

  /** True between `start` and `stop`. */
  get running(): boolean {
    return this.#polling.running;
  }

  /** Fires every timer due at `now` (default: the clock's now), batch after batch. */
  async runDue(now: Date = this.#o.clock.now()): Promise<RunDueResult> {
    const result: RunDueResult = { fired: 0, failed: 0, skipped: 0, batches: 0 };
    while (result.batches < this.#o.maxBatchesPerRun) {
      const batch = await this.#o.store.due(now, this.#o.batchSize, [...this.#stuck]);
      if (batch.length === 0) break;
      result.batches++;
      // Schedulers in other processes read the same batch: walking it in a random order, and
      // re-reading each timer's status just before firing it, keeps them from doing each
      // other's work twice (harmless, since firing is idempotent, but not free).
      shuffle(batch);
      let next = 0;
      const worker = async (): Promise<void> => {
        for (let i = next++; i < batch.length; i = next++) {
          const outcome = await this.#fireOne(batch[i]!, now);
          result[outcome]++;
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.#o.concurrency, batch.length) }, worker));
      if (batch.length < this.#o.batchSize) break;
    }
    return result;
  }

  async #fireOne(timer: TimerDocument, now: Date): Promise<'fired' | 'failed' | 'skipped'> {
    let fired = false;
    try {
      const current = await this.#o.store.get(timer._id);
      if (current?.status !== 'scheduled' || current.runAt.getTime() !== timer.runAt.getTime()) return 'skipped';
      await this.#o.fire(timer, now);
      fired = true;
      await this.#o.store.markFired(timer._id, now);
      this.#stuck.delete(timer._id);
    } catch (error) {
      if (!fired) {
        const delay = Math.min(this.#o.retryMaxMs, this.#o.retryBaseMs * 2 ** Math.min(timer.attempts, 30));
        const message = error instanceof Error ? error.message : String(error);
        await this.#o.store
          .markFailed(timer, message, new Date(now.getTime() + delay))
          .then(() => this.#stuck.delete(timer._id))
          .catch(() => this.#stuck.add(timer._id));
        this.#o.onError?.(
          new RuntimeError('TIMER_FIRE_FAILED', `timer ${timer._id}: ${message}`, { timerId: timer._id }),
          timer,
        );
      } else {
        // Fired, but the hint was not written: keep it out of this process's polls.
        this.#stuck.add(timer._id);
        this.#o.onError?.(error, timer);
      }
    }
    return fired ? 'fired' : 'failed';
  }

  /**
   * Starts polling. Resolves with the result of the first, catch-up run (timers that came due
   * while nothing ran); polling continues in the background until `stop`.
   */
  start(): Promise<RunDueResult> {
    return this.#polling.start();
  }

  async #maybePurge(): Promise<void> {
    if (this.#o.retentionMs === null || ++this.#polls % PURGE_EVERY_POLLS !== 0) return;
    const before = new Date(this.#o.clock.now().getTime() - this.#o.retentionMs);
    await this.#o.store.purgeFinished(before).catch((error: unknown) => this.#o.onError?.(error));
  }

  /** Stops polling and waits for the poll under way to finish. */
  async stop(): Promise<void> {
    await this.#polling.stop();
  }
}

/**
 * A {@link FireTimer} that appends the timer's event straight to the event log, keyed
 * `timer:<id>`, retrying on conflicts. The event's type is `payload.type` when it is a string
 * (else `timer.fired`); its body names the timer and carries the payload. The engine fires
 * through `send()` instead; this serves tests, tools and log-only uses.
 */
export function fireIntoEventLog(
  log: EventLog,
  actor = 'system:timer',
): (timer: TimerDocument, now: Date) => Promise<StoredEvent> {
  return async (timer, now) => {
    const type = typeof timer.payload['type'] === 'string' ? timer.payload['type'] : 'timer.fired';
    const result = await appendWithRetry(log, timer.instanceId, {
      instanceId: timer.instanceId,
      type,
      actor,
      at: now,
      idempotencyKey: timerIdempotencyKey(timer._id),
      body: {
        timer: { id: timer._id, name: timer.name, generation: timer.generation, dueAt: timer.dueAt.toISOString() },
        payload: timer.payload,
      },
    });
    if (result.status === 'conflict') {
      throw new RuntimeError('CONFLICT', `timer ${timer._id}: the log of ${timer.instanceId} kept moving`, {
        instanceId: timer.instanceId,
      });
    }
    return result.event;
  };
}
