import type { Collection, Db } from 'mongodb';
import type { Clock } from '../clock.ts';
import { isDuplicateKeyError } from '../database-kind.ts';
import type { NotificationPort, NotificationRequest } from './engine-ports.ts';

/** A notification waiting for (or done with) delivery. */
export interface OutboxDocument extends NotificationRequest {
  _id: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string;
}

/** Delivers one notification somewhere (a log, a webhook, mail); throws to be retried. */
export interface DeliveryAdapter {
  deliver(notification: NotificationRequest): Promise<void>;
}

/** Writes notifications to a log line: the default channel, and enough for development. */
export function logDelivery(write: (line: string) => void = (line) => console.log(line)): DeliveryAdapter {
  return {
    deliver: async (n) => write(`[notify] ${n.instanceId} -> role ${n.role}: ${n.message.en} / ${n.message.zh}`),
  };
}

/** Retry delays after the 1st, 2nd, … failed attempt; the last one repeats until `maxAttempts`. */
const BACKOFF_MS = [1_000, 5_000, 30_000, 120_000, 600_000];

/**
 * The notification outbox (collection `outbox`). Effects enqueue with deterministic ids, so a
 * retried effect never notifies twice; a dispatcher delivers with retry and backoff.
 */
export class NotificationOutbox implements NotificationPort {
  readonly collection: Collection<OutboxDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<OutboxDocument>('outbox');
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ status: 1, nextAttemptAt: 1 });
  }

  async enqueue(notification: NotificationRequest): Promise<void> {
    try {
      await this.collection.insertOne({
        ...notification,
        _id: notification.id,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: notification.at,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** Delivers what is due; resolves to how many were sent. */
  async dispatch(adapter: DeliveryAdapter, options: { limit?: number; maxAttempts?: number } = {}): Promise<number> {
    const now = this.clock.now();
    const due = await this.collection
      .find({ status: 'pending', nextAttemptAt: { $lte: now } })
      .sort({ nextAttemptAt: 1 })
      .limit(options.limit ?? 100)
      .toArray();
    let sent = 0;
    for (const item of due) {
      try {
        await adapter.deliver(item);
        await this.collection.updateOne({ _id: item._id }, { $set: { status: 'sent', attempts: item.attempts + 1 } });
        sent++;
      } catch (error) {
        const attempts = item.attempts + 1;
        const delay = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)] ?? 600_000;
        await this.collection.updateOne(
          { _id: item._id },
          {
            $set: {
              attempts,
              status: attempts >= (options.maxAttempts ?? 10) ? 'failed' : 'pending',
              nextAttemptAt: new Date(now.getTime() + delay),
              lastError: error instanceof Error ? error.message : String(error),
            },
          },
        );
      }
    }
    return sent;
  }
}
