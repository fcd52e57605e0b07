import type { AppendResult, EventLog, LogHead, NewEvent } from './event-log.ts';

/** How a retrying append behaves. */
export interface AppendWithRetryOptions {
  /** The head to try first (for example from a cache); loaded when absent. */
  head?: LogHead;
  /** Attempts before answering `conflict` (default 100). */
  maxAttempts?: number;
  /** Upper bound of the random pause between attempts, doubled per attempt up to this (default 50 ms). */
  maxBackoffMs?: number;
  /**
   * Conflicts after which the next attempt goes straight after the event that took the number,
   * before searching for the head (default 3).
   */
  walkAttempts?: number;
  /** Sleeps between attempts; injected by tests (default setTimeout). */
  sleep?: (ms: number) => Promise<void>;
}

/** The outcome of {@link appendWithRetry}: the append's result and how many attempts it took. */
export type RetriedAppendResult = AppendResult & { attempts: number };

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Appends an event, reloading the head and retrying when another writer took the sequence
 * number. `build` may derive the event from the head it is appended after (for a raw append,
 * return the same event each time; its idempotency key must stay the same across attempts so a
 * lost acknowledgement cannot record it twice). Answers `appended`, `duplicate`, or `conflict`
 * once the attempts run out.
 */
export async function appendWithRetry(
  log: EventLog,
  instanceId: string,
  build: NewEvent | ((head: LogHead) => NewEvent | Promise<NewEvent>),
  options: AppendWithRetryOptions = {},
): Promise<RetriedAppendResult> {
  const maxAttempts = options.maxAttempts ?? 100;
  const maxBackoffMs = options.maxBackoffMs ?? 50;
  const sleep = options.sleep ?? defaultSleep;
  const walkAttempts = options.walkAttempts ?? 3;
  let head = options.head ?? (await log.head(instanceId));
  let last: AppendResult | undefined;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const input = typeof build === 'function' ? await build(head) : build;
    const final = attempt === maxAttempts;
    last = await log.append(input, head, { checkKeyOnConflict: final });
    if (last.status !== 'conflict') return { ...last, attempts: attempt };
    if (final) break;
    // The event that took the number is a valid head: try right after it first (one insert),
    // and only search for the true head (several lookups) when that keeps failing.
    head = last.observed && attempt <= walkAttempts ? last.observed : await log.head(instanceId, last.observed ?? head);
    const ceiling = Math.min(maxBackoffMs, 2 ** attempt);
    await sleep(Math.floor(Math.random() * ceiling));
  }
  return { ...(last as AppendResult), attempts: maxAttempts };
}
