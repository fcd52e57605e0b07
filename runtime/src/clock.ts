/**
 * Time is injected everywhere in the runtime: production code asks a {@link Clock}, never
 * `new Date()` or `Date.now()`, so tests and simulations can move time without sleeping.
 */
export interface Clock {
  /** The current instant. Each call returns a fresh Date the caller may keep or mutate. */
  now(): Date;
}

/** One second, minute, hour and day in milliseconds, for readable durations. */
export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The machine's wall clock. */
export const systemClock: Clock = {
  now: () => new Date(),
};

/** Anything a test clock can be set to: a Date, epoch milliseconds or an ISO 8601 string. */
export type InstantLike = Date | number | string;

function toEpochMs(value: InstantLike): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(value)}`);
  return ms;
}

/**
 * A clock that only moves when told to. Time never goes backwards unless `set` is asked to
 * do so explicitly, which lets a test model a machine whose clock was corrected.
 */
export class TestClock implements Clock {
  #ms: number;

  /** Starts at `start` (default: 2026-01-05T09:00:00Z, a Monday). */
  constructor(start: InstantLike = '2026-01-05T09:00:00.000Z') {
    this.#ms = toEpochMs(start);
  }

  now(): Date {
    return new Date(this.#ms);
  }

  /** Jumps to the given instant. */
  set(instant: InstantLike): this {
    this.#ms = toEpochMs(instant);
    return this;
  }

  /** Moves forward by `ms` milliseconds (negative moves back). */
  advance(ms: number): this {
    if (!Number.isFinite(ms)) throw new RangeError(`cannot advance by ${ms}`);
    this.#ms += ms;
    return this;
  }
}
