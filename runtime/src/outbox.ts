import type { Db } from 'mongodb';
import type { Clock } from './clock.ts';
import { InsertOnceStore, openBatchedCollection } from './insert-once-store.ts';
import { PollingLoop } from './polling-loop.ts';
import { RuntimeError } from './runtime-error-codes.ts';
import { assertIdString, assertStorableJsonObject, type JsonObject } from './storable-json.ts';

/** The collection holding outgoing notifications. */
export const OUTBOX_COLLECTION = 'outbox';

/** `pending` until delivered, or `failed` once the attempts ran out or the target refused for good. */
export type OutboxStatus = 'pending' | 'delivered' | 'failed';

/** A notification waiting for (or done with) delivery. */
export interface OutboxMessage {
  /** Deterministic, e.g. {@link outboxId}`(instanceId, seq, effectIndex)`: a retried effect enqueues once. */
  _id: string;
  instanceId: string;
  /** Which {@link DeliveryAdapter} delivers it, e.g. `log` or `webhook`. */
  channel: string;
  /** The recipient as the channel understands it (a role, a user, an address, a URL), if any. */
  target: string | null;
  payload: JsonObject;
  status: OutboxStatus;
  createdAt: Date;
  /** Delivery attempts so far. */
  attempts: number;
  lastError: string | null;
  /** Not attempted before this instant (exponential backoff after failures). */
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  failedAt: Date | null;
  /** A dispatcher working on it holds it until then (a hint on FerretDB; see {@link Outbox.claim}). */
  leaseUntil: Date;
}

/** What enqueuing needs. */
export interface OutboxEntry {
  id: string;
  instanceId: string;
  channel: string;
  target?: string;
  payload: JsonObject;
}

/** The outcome of enqueuing: the same id twice stores one message. */
export type EnqueueResult = { status: 'enqueued'; message: OutboxMessage } | { status: 'already-enqueued'; id: string };

/** The deterministic id of the `index`-th notification effect of event `seq` of an instance. */
export function outboxId(instanceId: string, seq: number, index: number): string {
  return `${instanceId}:${seq}:${index}`;
}

/** Delivers a message somewhere. Throw a {@link DeliveryError} (or anything) to have it retried. */
export interface DeliveryAdapter {
  readonly channel: string;
  deliver(message: OutboxMessage): Promise<void>;
}

/** A failed delivery; `retryable: false` fails the message at once (for example HTTP 400). */
export class DeliveryError extends Error {
  readonly retryable: boolean;
  /** A wait the target asked for (HTTP Retry-After), overriding the backoff when longer. */
  readonly retryAfterMs: number | null;

  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number | null }) {
    super(message);
    this.name = 'DeliveryError';
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

const EPOCH = new Date(0);

/** Its indexes, by name: due messages by status, and an instance's messages. */
const OUTBOX_INDEXES = { status_next_attempt: { status: 1, nextAttemptAt: 1 }, instance: { instanceId: 1 } };

/** The outbox collection: insert-once enqueueing, and the status bookkeeping of delivery. */
export class Outbox extends InsertOnceStore<OutboxMessage> {
  /** Opens the outbox and makes sure its indexes exist. */
  static async open(db: Db, options: { collection?: string } = {}): Promise<Outbox> {
    return new Outbox(await openBatchedCollection(db, options.collection ?? OUTBOX_COLLECTION, OUTBOX_INDEXES));
  }

  /** Stores a message for delivery; E11000 means the effect already enqueued it, which is fine. */
  async enqueue(entry: OutboxEntry, now: Date): Promise<EnqueueResult> {
    assertIdString(entry.id, 'id', 512);
    assertIdString(entry.instanceId, 'instanceId', 200);
    assertIdString(entry.channel, 'channel', 100);
    if (entry.target !== undefined) assertIdString(entry.target, 'target', 2048);
    assertStorableJsonObject(entry.payload, 'outbox payload');
    if (!(now instanceof Date) || Number.isNaN(now.getTime()))
      throw new RuntimeError('INVALID_ARGUMENT', 'now must be a valid Date');
    const message: OutboxMessage = {
      _id: entry.id,
      instanceId: entry.instanceId,
      channel: entry.channel,
      target: entry.target ?? null,
      payload: entry.payload,
      status: 'pending',
      createdAt: now,
      attempts: 0,
      lastError: null,
      nextAttemptAt: now,
      deliveredAt: null,
      failedAt: null,
      leaseUntil: EPOCH,
    };
    return (await this.insertOnce(message))
      ? { status: 'enqueued', message }
      : { status: 'already-enqueued', id: entry.id };
  }

  /** An instance's messages, oldest first. */
  async forInstance(instanceId: string): Promise<OutboxMessage[]> {
    assertIdString(instanceId, 'instanceId', 200);
    return this.collection.find({ instanceId }).sort({ createdAt: 1, _id: 1 }).toArray();
  }

  /** Pending messages whose next attempt is due at `now`, oldest due first. */
  async due(now: Date, limit: number): Promise<OutboxMessage[]> {
    return this.collection
      .find({ status: 'pending', nextAttemptAt: { $lte: now } })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .toArray();
  }

  /**
   * Takes a lease on a pending message so that other dispatchers leave it alone until
   * `leaseUntil`. On MongoDB the conditional update is atomic, so only one dispatcher delivers
   * at a time; on FerretDB it is not, so two may both deliver — delivery is at least once, and
   * receivers deduplicate by the message id (the webhook sends it as `Idempotency-Key`).
   */
  async claim(id: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: id, status: 'pending', leaseUntil: { $lte: now } },
      { $set: { leaseUntil } },
    );
    return result.modifiedCount > 0;
  }

  async markDelivered(message: OutboxMessage, now: Date): Promise<void> {
    await this.collection.updateOne(
      { _id: message._id },
      {
        $set: {
          status: 'delivered',
          deliveredAt: now,
          attempts: message.attempts + 1,
          lastError: null,
          leaseUntil: EPOCH,
        },
      },
    );
  }

  async markRetry(message: OutboxMessage, error: string, nextAttemptAt: Date): Promise<void> {
    await this.collection.updateOne(
      { _id: message._id, status: 'pending' },
      { $set: { attempts: message.attempts + 1, lastError: error.slice(0, 2000), nextAttemptAt, leaseUntil: EPOCH } },
    );
  }

  async markFailed(message: OutboxMessage, error: string, now: Date): Promise<void> {
    await this.collection.updateOne(
      { _id: message._id, status: 'pending' },
      {
        $set: {
          status: 'failed',
          failedAt: now,
          attempts: message.attempts + 1,
          lastError: error.slice(0, 2000),
          leaseUntil: EPOCH,
        },
      },
    );
  }

  /** Deletes messages delivered before `before`; resolves to how many. */
  async purgeDelivered(before: Date): Promise<number> {
    const result = await this.collection.deleteMany({ status: 'delivered', deliveredAt: { $lt: before } });
    return result.deletedCount;
  }
}

export interface OutboxDispatcherOptions {
  outbox: Outbox;
  adapters: readonly DeliveryAdapter[];
  clock: Clock;
  /** Messages read per poll (default 50). */
  batchSize?: number;
  /** Attempts before a message is failed for good (default 10). */
  maxAttempts?: number;
  /** Delay after the first failed attempt, doubled per further failure (default 1 s). */
  backoffBaseMs?: number;
  /** Upper bound of the delay (default 1 h). */
  backoffMaxMs?: number;
  /** How long a claimed message stays with this dispatcher (default 60 s; 0 skips claiming). */
  leaseMs?: number;
  /** Pause between polls when nothing more was due (default 1000 ms, real time). */
  pollIntervalMs?: number;
  onError?: (error: unknown, message?: OutboxMessage) => void;
}

/** What one dispatch round did. */
export interface DispatchResult {
  delivered: number;
  /** Failed attempts that will be retried. */
  retried: number;
  /** Messages failed for good in this round. */
  failed: number;
  /** Messages another dispatcher held. */
  skipped: number;
}

/** Delivers due outbox messages through their channel's adapter, with retry and exponential backoff. */
export class OutboxDispatcher {
  readonly #o: Required<Omit<OutboxDispatcherOptions, 'onError'>> & Pick<OutboxDispatcherOptions, 'onError'>;
  readonly #adapters: ReadonlyMap<string, DeliveryAdapter>;
  readonly #polling: PollingLoop<DispatchResult>;

  constructor(options: OutboxDispatcherOptions) {
    this.#o = {
      batchSize: 50,
      maxAttempts: 10,
      backoffBaseMs: 1000,
      backoffMaxMs: 3600_000,
      leaseMs: 60_000,
      pollIntervalMs: 1000,
      ...options,
    };
    this.#adapters = new Map(options.adapters.map((adapter) => [adapter.channel, adapter]));
    this.#polling = new PollingLoop<DispatchResult>({
      round: () => this.runDue(),
      idle: { delivered: 0, retried: 0, failed: 0, skipped: 0 },
      busy: (r) => r.delivered + r.retried + r.failed >= this.#o.batchSize,
      pauseMs: this.#o.pollIntervalMs,
      onError: (error) => this.#o.onError?.(error),
    });
  }

  /** The delay before attempt `attempts + 1`, after `attempts` failures. */
  backoffMs(attempts: number): number {
    return Math.min(this.#o.backoffMaxMs, this.#o.backoffBaseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  }

  /** Delivers every message due at `now` (default: the clock's now), one batch. */
  async runDue(now: Date = this.#o.clock.now()): Promise<DispatchResult> {
    const result: DispatchResult = { delivered: 0, retried: 0, failed: 0, skipped: 0 };
    for (const message of await this.#o.outbox.due(now, this.#o.batchSize)) {
      if (this.#o.leaseMs > 0) {
        const claimed = await this.#o.outbox.claim(message._id, now, new Date(now.getTime() + this.#o.leaseMs));
        if (!claimed) {
          result.skipped++;
          continue;
        }
      }
      result[await this.#deliver(message, now)]++;
    }
    return result;
  }

  async #deliver(message: OutboxMessage, now: Date): Promise<'delivered' | 'retried' | 'failed'> {
    const adapter = this.#adapters.get(message.channel);
    let error: unknown;
    if (adapter) {
      try {
        await adapter.deliver(message);
        await this.#o.outbox.markDelivered(message, now);
        return 'delivered';
      } catch (e) {
        error = e;
      }
    } else {
      error = new RuntimeError('UNKNOWN_DELIVERY_CHANNEL', `no adapter for channel ${message.channel}`, {
        channel: message.channel,
      });
    }
    const text = error instanceof Error ? error.message : String(error);
    const attempts = message.attempts + 1;
    const permanent = error instanceof DeliveryError && !error.retryable;
    this.#o.onError?.(
      new RuntimeError('DELIVERY_FAILED', `outbox ${message._id} attempt ${attempts}: ${text}`, {
        id: message._id,
        attempts,
      }),
      message,
    );
    if (permanent || attempts >= this.#o.maxAttempts) {
      await this.#o.outbox.markFailed(message, text, now);
      return 'failed';
    }
    const requested = error instanceof DeliveryError ? (error.retryAfterMs ?? 0) : 0;
    const delay = Math.max(this.backoffMs(attempts), requested);
    await this.#o.outbox.markRetry(message, text, new Date(now.getTime() + delay));
    return 'retried';
  }

  /** Starts polling in the background; resolves with the first round's result. */
  start(): Promise<DispatchResult> {
    return this.#polling.start();
  }

  /** Stops polling and waits for the round under way. */
  async stop(): Promise<void> {
    await this.#polling.stop();
  }
}
