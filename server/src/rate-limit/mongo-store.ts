import type { Collection } from 'mongodb';
import { isDuplicateKey } from '@clauseflow/application';

/** One fixed-window counter. `_id` is `key|window length|window start`. */
export interface RateLimitDocument {
  _id: string;
  count: number;
  expiresAt: Date;
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** @fastify/rate-limit's store contract. */
export interface RateLimitStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): RateLimitStore;
}

/**
 * A @fastify/rate-limit store over MongoDB, so every server process counts against the same
 * fixed windows. Each window is one document incremented with an upserting `$inc`.
 *
 * Approximate under races: on MongoDB `$inc` is atomic, but FerretDB 1.x applies updates as
 * read-then-write, so concurrent requests from one caller in one window can lose increments
 * and let a few extra requests through. Two concurrent first requests may both try the
 * upsert; the loser's duplicate-key error is retried as a plain increment. Expired windows are
 * deleted lazily (FerretDB has no TTL indexes).
 */
export function mongoRateLimitStore(
  collection: Collection<RateLimitDocument>,
  now: () => Date,
): new (options?: unknown) => RateLimitStore {
  let calls = 0;

  async function increment(key: string, timeWindow: number): Promise<{ current: number; ttl: number }> {
    const at = now().getTime();
    const start = Math.floor(at / timeWindow) * timeWindow;
    const _id = `${key}|${timeWindow}|${start}`;
    const update = { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(start + timeWindow) } };
    let doc: RateLimitDocument | null;
    try {
      doc = await collection.findOneAndUpdate({ _id }, update, { upsert: true, returnDocument: 'after' });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      doc = await collection.findOneAndUpdate({ _id }, { $inc: { count: 1 } }, { returnDocument: 'after' });
    }
    if (++calls % 200 === 0) {
      collection.deleteMany({ expiresAt: { $lte: new Date(at) } }).catch(() => undefined);
    }
    return { current: doc?.count ?? 1, ttl: start + timeWindow - at };
  }

  return class MongoRateLimitStore implements RateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      increment(key, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error as Error),
      );
    }

    child(): RateLimitStore {
      return new MongoRateLimitStore();
    }
  };
}
