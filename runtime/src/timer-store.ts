import type { Db, Filter } from 'mongodb';
import { InsertOnceStore, openBatchedCollection } from './insert-once-store.ts';
import { RuntimeError } from './runtime-error-codes.ts';
import { assertIdString, assertStorableJsonObject, type JsonObject } from './storable-json.ts';

/** The collection holding durable timers. */
export const TIMERS_COLLECTION = 'timers';

/**
 * `scheduled` until fired or cancelled. Statuses are hints that keep polling cheap: FerretDB
 * updates are not atomic, so two schedulers may both fire a timer, and a cancel may lose to a
 * firing already under way. Exactly-once comes from the fired event's idempotency key
 * (`timer:<id>`), and a stale timer is recognised by whoever handles its event (for example by
 * its generation).
 */
export type TimerStatus = 'scheduled' | 'fired' | 'cancelled';

/** A durable timer as stored. */
export interface TimerDocument {
  /** Deterministic: `${instanceId}:${name}:${generation}` unless the caller chose an id. */
  _id: string;
  instanceId: string;
  /** What the timer is for, e.g. `sla:resolution:breach` or a state timer's key (no `:`). */
  name: string;
  /** Distinguishes re-arms of the same timer; part of the id. */
  generation: number;
  /** When it is due. */
  dueAt: Date;
  /** When the next firing attempt may happen: `dueAt`, pushed back after failed attempts. */
  runAt: Date;
  /** The event to raise when it fires (JSON; what the fire callback needs). */
  payload: JsonObject;
  status: TimerStatus;
  createdAt: Date;
  /** Failed firing attempts so far. */
  attempts: number;
  lastError: string | null;
  firedAt: Date | null;
  cancelledAt: Date | null;
}

/** What scheduling a timer needs. */
export interface TimerSpec {
  instanceId: string;
  name: string;
  /** Default 1. */
  generation?: number;
  dueAt: Date;
  payload?: JsonObject;
  /** Overrides the derived id (it must stay deterministic for the same effect). */
  id?: string;
}

/** The outcome of scheduling: a second schedule of the same id changes nothing. */
export type ScheduleResult =
  { status: 'scheduled'; timer: TimerDocument } | { status: 'already-scheduled'; id: string };

/** The deterministic id of a timer. */
export function timerId(instanceId: string, name: string, generation = 1): string {
  return `${instanceId}:${name}:${generation}`;
}

/** The idempotency key of the event a timer raises: the same for every firing of it. */
export function timerIdempotencyKey(id: string): string {
  return `timer:${id}`;
}

function checkDate(value: unknown, name: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RuntimeError('INVALID_ARGUMENT', `${name} must be a valid Date`, { name });
  }
}

/** Its indexes, by name: due timers by status, and an instance's timers. */
const TIMER_INDEXES = { status_run_at: { status: 1, runAt: 1 }, instance: { instanceId: 1 } };

/**
 * Durable timers with deterministic ids (collection `timers`). Scheduling is a single insert,
 * so scheduling the same timer twice — a retried effect, two processes — stores it once.
 */
export class TimerStore extends InsertOnceStore<TimerDocument> {
  /** Opens the store and makes sure its indexes exist. */
  static async open(db: Db, options: { collection?: string } = {}): Promise<TimerStore> {
    return new TimerStore(await openBatchedCollection(db, options.collection ?? TIMERS_COLLECTION, TIMER_INDEXES));
  }

  /** Stores a timer; E11000 means it is already scheduled, which is fine. */
  async schedule(spec: TimerSpec, now: Date): Promise<ScheduleResult> {
    assertIdString(spec.instanceId, 'instanceId', 200);
    assertIdString(spec.name, 'name', 200);
    if (spec.name.includes(':')) throw new RuntimeError('INVALID_ARGUMENT', 'a timer name may not contain ":"');
    const generation = spec.generation ?? 1;
    if (!Number.isInteger(generation) || generation < 0) {
      throw new RuntimeError('INVALID_ARGUMENT', `generation must be an integer >= 0, got ${generation}`);
    }
    checkDate(spec.dueAt, 'dueAt');
    checkDate(now, 'now');
    const payload = spec.payload ?? {};
    assertStorableJsonObject(payload, 'timer payload');
    const id = spec.id ?? timerId(spec.instanceId, spec.name, generation);
    assertIdString(id, 'id', 512);
    const timer: TimerDocument = {
      _id: id,
      instanceId: spec.instanceId,
      name: spec.name,
      generation,
      dueAt: spec.dueAt,
      runAt: spec.dueAt,
      payload,
      status: 'scheduled',
      createdAt: now,
      attempts: 0,
      lastError: null,
      firedAt: null,
      cancelledAt: null,
    };
    return (await this.insertOnce(timer)) ? { status: 'scheduled', timer } : { status: 'already-scheduled', id };
  }

  /** Marks a scheduled timer cancelled (a hint; see {@link TimerStatus}). True when it was scheduled. */
  async cancel(id: string, now: Date): Promise<boolean> {
    assertIdString(id, 'id', 512);
    const result = await this.collection.updateOne(
      { _id: id, status: 'scheduled' },
      { $set: { status: 'cancelled', cancelledAt: now } },
    );
    return result.modifiedCount > 0;
  }

  /** Cancels every scheduled timer of an instance (for example when it closes); resolves to how many. */
  async cancelForInstance(instanceId: string, now: Date): Promise<number> {
    assertIdString(instanceId, 'instanceId', 200);
    const result = await this.collection.updateMany(
      { instanceId, status: 'scheduled' },
      { $set: { status: 'cancelled', cancelledAt: now } },
    );
    return result.modifiedCount;
  }

  /** An instance's timers, earliest due first. */
  async forInstance(instanceId: string): Promise<TimerDocument[]> {
    assertIdString(instanceId, 'instanceId', 200);
    return this.collection.find({ instanceId }).sort({ dueAt: 1 }).toArray();
  }

  /** Scheduled timers whose next attempt is due at `now`, earliest first. */
  async due(now: Date, limit: number, excludeIds: readonly string[] = []): Promise<TimerDocument[]> {
    checkDate(now, 'now');
    const filter: Filter<TimerDocument> = { status: 'scheduled', runAt: { $lte: now } };
    if (excludeIds.length > 0) filter._id = { $nin: [...excludeIds] };
    return this.collection.find(filter).sort({ runAt: 1 }).limit(limit).toArray();
  }

  /** How many scheduled timers are due at `now` (what a monitoring gauge shows). */
  async countDue(now: Date): Promise<number> {
    checkDate(now, 'now');
    return this.collection.countDocuments({ status: 'scheduled', runAt: { $lte: now } });
  }

  /** Records that a timer fired (a hint that keeps it out of the next poll). */
  async markFired(id: string, now: Date): Promise<void> {
    await this.collection.updateOne({ _id: id, status: { $ne: 'fired' } }, { $set: { status: 'fired', firedAt: now } });
  }

  /** Records a failed firing and when to try again. */
  async markFailed(timer: TimerDocument, error: string, retryAt: Date): Promise<void> {
    await this.collection.updateOne(
      { _id: timer._id, status: 'scheduled' },
      { $set: { attempts: timer.attempts + 1, lastError: error.slice(0, 2000), runAt: retryAt } },
    );
  }

  /** Deletes fired and cancelled timers that finished before `before`; resolves to how many. */
  async purgeFinished(before: Date): Promise<number> {
    checkDate(before, 'before');
    const fired = await this.collection.deleteMany({ status: 'fired', firedAt: { $lt: before } });
    const cancelled = await this.collection.deleteMany({ status: 'cancelled', cancelledAt: { $lt: before } });
    return fired.deletedCount + cancelled.deletedCount;
  }
}
