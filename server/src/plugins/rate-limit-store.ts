import type { RateLimitCounters } from '@clauseflow/application';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** @fastify/rate-limit's store contract. */
export interface RateLimitStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): RateLimitStore;
}

/** @fastify/rate-limit's store over the application's shared counters (one per window, every process). */
export function rateLimitStore(counters: RateLimitCounters): new (options?: unknown) => RateLimitStore {
  return class SharedRateLimitStore implements RateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      counters.increment(key, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error as Error),
      );
    }

    child(): RateLimitStore {
      return new SharedRateLimitStore();
    }
  };
}
