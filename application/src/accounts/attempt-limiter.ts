import type { Collection, Db } from 'mongodb';
import { DomainError } from '@clauseflow/common';
import { isDuplicateKey } from './user-store.ts';

/** One claimed attempt: `_id` is `key|window start|slot`. */
export interface AttemptDocument {
  _id: string;
  key: string;
  expiresAt: Date;
}

/**
 * Counts attempts of something expensive or sensitive (a password check) per key and fixed
 * window, atomically on MongoDB and FerretDB alike: each attempt inserts one of `max` numbered
 * slots, and a slot's unique `_id` lets exactly one attempt take it. When every slot of the
 * window is taken the attempt is refused, however many arrive at once, so at most `max` are ever
 * let through. (An `$inc` counter is read-then-write on FerretDB 1.x and lets bursts through.)
 */
export class AttemptLimiter {
  readonly collection: Collection<AttemptDocument>;
  /** The next slot to try per key and window: a hint that saves inserts, never a guarantee. */
  private readonly hints = new Map<string, number>();

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.collection = db.collection<AttemptDocument>('attempt_slots');
  }

  async init(): Promise<void> {
    await this.collection.createIndex({ key: 1 });
  }

  /**
   * Takes one attempt of `key` in the current window of `windowMs`; RATE_LIMITED with the seconds
   * to wait when `max` were taken in it already.
   */
  async claim(key: string, max: number, windowMs: number): Promise<void> {
    const at = this.now().getTime();
    const start = Math.floor(at / windowMs) * windowMs;
    const window = `${key}|${start}`;
    for (let slot = this.hints.get(window) ?? 1; slot <= max; slot++) {
      try {
        await this.collection.insertOne({ _id: `${window}|${slot}`, key, expiresAt: new Date(start + windowMs) });
        this.hints.set(window, slot + 1);
        if (this.hints.size > 10_000) this.hints.clear();
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    this.hints.set(window, max + 1);
    this.collection.deleteMany({ expiresAt: { $lte: new Date(at) } }).catch(() => undefined);
    throw new DomainError('RATE_LIMITED', 'Too many attempts; wait before trying again.', {
      retryAfterSeconds: (start + windowMs - at) / 1000,
    });
  }

  /** Forgets the attempts of `key` (after a success, so earlier typos do not count against the next). */
  async reset(key: string): Promise<void> {
    for (const hint of this.hints.keys()) if (hint.startsWith(`${key}|`)) this.hints.delete(hint);
    await this.collection.deleteMany({ key });
  }
}
