import {
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  type Db,
} from 'mongodb';

/** One measured round trip to the database. */
export interface DatabaseHealth {
  ok: boolean;
  /** How long the `ping` took (or took to fail), in ms. */
  latencyMs: number;
  error?: string;
}

/** The health checks a host may run at any time. */
export interface Health {
  /** Pings the database within `timeoutMs` (default 2 s) and says how long it took. */
  database(timeoutMs?: number): Promise<DatabaseHealth>;
}

/** Health checks over the application's database; `clock` measures (default `performance.now`). */
export function openHealth(db: Db, clock: () => number = () => performance.now()): Health {
  return {
    async database(timeoutMs = 2_000) {
      const started = clock();
      try {
        await db.command({ ping: 1 }, { timeoutMS: timeoutMs });
        return { ok: true, latencyMs: round(clock() - started) };
      } catch (error) {
        return { ok: false, latencyMs: round(clock() - started), error: (error as Error).message };
      }
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/**
 * True when `error` says the database cannot be reached (network, server selection, a closed
 * client): the host answers "unavailable, retry" rather than an internal error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError ||
    // A connection the server dropped mid-operation can surface as the socket's own error.
    (error instanceof Error && 'code' in error && LOST_CONNECTION.has(String(error.code)))
  );
}

const LOST_CONNECTION = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT']);
