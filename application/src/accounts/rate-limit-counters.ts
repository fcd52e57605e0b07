import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from './user-store.ts';

/** One fixed-window counter. `_id` is `key|window length|window start`. */
export interface RateLimitDocument {
  _id: string;
  count: number;
  expiresAt: Date;
}

/** A window's count after one more request, and the ms left in the window. */
export interface RateLimitCount {
  current: number;
  ttl: number;
}

/**
 * Fixed-window request counters in the database (`rate_limits`), so every server process counts
 * against the same windows. Each window is one document incremented with an upserting `$inc`.
 *
 * Approximate under races: on MongoDB `$inc` is atomic, but FerretDB 1.x applies updates as
 * read-then-write, so concurrent requests from one caller in one window can lose increments and
 * let a few extra requests through. Two concurrent first requests may both try the upsert; the
 * loser's duplicate-key error is retried as a plain increment. Expired windows are deleted
 * lazily (FerretDB has no TTL indexes).
 */
export class RateLimitCounters {
  readonly collection: Collection<RateLimitDocument>;
  private calls = 0;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.collection = db.collection<RateLimitDocument>('rate_limits');
  }

  /** Counts one request of `key` in the current window of `windowMs`. */
  async increment(key: string, windowMs: number): Promise<RateLimitCount> {
    const at = this.now().getTime();
    const start = Math.floor(at / windowMs) * windowMs;
    const _id = `${String(key)}|${windowMs}|${start}`;
    const update = { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(start + windowMs) } };
    let doc: RateLimitDocument | null;
    try {
      doc = await this.collection.findOneAndUpdate({ _id }, update, { upsert: true, returnDocument: 'after' });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      doc = await this.collection.findOneAndUpdate({ _id }, { $inc: { count: 1 } }, { returnDocument: 'after' });
    }
    if (++this.calls % 200 === 0) {
      this.collection.deleteMany({ expiresAt: { $lte: new Date(at) } }).catch(() => undefined);
    }
    return { current: doc?.count ?? 1, ttl: start + windowMs - at };
  }
}
