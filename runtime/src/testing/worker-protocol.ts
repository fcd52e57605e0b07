import type { Db, MongoClient } from 'mongodb';
import type { JsonObject } from '../storable-json.ts';

/**
 * The contract between a load-generating worker process (`concurrency-worker.ts`) and the
 * operation it repeats. The worker knows nothing about what an operation does: the log-level
 * test plugs in a raw append (`log-append-operation.ts`); the engine's tests can plug in
 * `send()` the same way.
 */

/** What a worker process is told to do (passed as one JSON argument). */
export interface WorkerConfig {
  /** Identifies the worker in idempotency keys and acknowledgements. */
  workerId: string;
  uri: string;
  dbName: string;
  /** Instances the operations spread over (each operation picks one at random). */
  instanceIds: string[];
  /** Operations to run in total in this worker. */
  operations: number;
  /** Operations in flight at once inside this worker (default 1). */
  concurrency?: number;
  /** Path (absolute, or relative to the worker's cwd) of a module exporting `createOperation`. */
  operationModule: string;
  /** Free-form settings for the operation module. */
  options?: JsonObject;
}

/** One operation to run. */
export interface OperationRequest {
  /** 0-based, unique within the worker. */
  index: number;
  instanceId: string;
  /** `${workerId}:${index}`: stable across retries of the same operation. */
  idempotencyKey: string;
}

/** What a worker prints for every operation the database acknowledged. */
export interface WorkerAck {
  /** Unique over all workers; the idempotency key of the operation. */
  ackId: string;
  instanceId: string;
  /** The seq of the event the operation recorded, when it recorded one. */
  seq?: number;
  /** `appended`, `duplicate` or whatever the operation reports. */
  status: string;
  attempts?: number;
}

/** The worker's closing line. */
export interface WorkerSummary {
  workerId: string;
  operations: number;
  acknowledged: number;
  failed: number;
  elapsedMs: number;
}

/** What an operation module receives. */
export interface OperationContext {
  client: MongoClient;
  db: Db;
  config: WorkerConfig;
}

/** Runs one operation; resolves with its acknowledgement, or null when it was not acknowledged. */
export type Operation = (request: OperationRequest) => Promise<WorkerAck | null>;

/** The export an operation module must provide. */
export type CreateOperation = (context: OperationContext) => Promise<Operation>;

/** Line prefixes of the worker's stdout protocol: one JSON document per line. */
export const ACK_PREFIX = 'ACK ';
export const DONE_PREFIX = 'DONE ';
