import type { Db } from 'mongodb';
import { DomainError } from '@clauseflow/common';
import type { CompiledProcess, InstanceState } from '@clauseflow/definition';
import {
  instanceEventBody,
  openRuntime,
  type InstanceDocument,
  type EngineSuccess,
  type SendInput,
  type InstanceEngine,
  type Runtime,
} from '@clauseflow/runtime';
import type { AuthenticatedUser } from '../accounts/roles.ts';
import type { ApplicationLogger } from '../application-context.ts';
import { isDatabaseUnavailable } from '../health/database-health.ts';
import type { ProcessDocument, ProcessStore } from '../processes/process-store.ts';
import { ChangeCursor } from './change-feed.ts';
import { engineError } from './engine-errors.ts';
import { engineActor, maySee, mayStart, visibleRecordsFilter } from './record-policy.ts';
import { buildRecordFind, encodeCursor, type RecordListQuery } from './record-query.ts';
import { RecordNotes } from './record-notes.ts';
import { RecordReferences } from './record-references.ts';

/** How the record API is wired: the timer scheduler and the live-update stream's timing. */
export interface RecordServiceOptions {
  /** Run the timer scheduler and the notification dispatcher in this process (default true; every process may run them). */
  scheduler?: boolean;
  /** The scheduler's pause between polls that found nothing due, in ms (default 1000). */
  schedulerIdleMs?: number;
  /** How often a live-update stream polls for changes, in ms (default 1000). */
  pollMs?: number;
  /** How often a stream sends a heartbeat comment, in ms (default 15000). */
  heartbeatMs?: number;
  /** How far back each poll looks again for changes written late by other processes, in ms (default 5000). */
  lookbackMs?: number;
  /** How often a stream checks that its caller is still signed in, in ms (default 2000). */
  authCheckMs?: number;
  /** Told of timer firings and SLA breaches (the server counts them as metrics). */
  observer?: RecordObserver;
}

/** What the records service reports as it happens. */
export interface RecordObserver {
  /** An event applied by a caller (not a replay): `start` or the event's type. */
  eventApplied?(process: string, event: string): void;
  timerFired?(kind: string): void;
  slaBreached?(process: string, clock: string): void;
}

/** A record the caller may see, with its process settings. */
export interface VisibleRecord {
  user: AuthenticatedUser;
  record: InstanceDocument;
  process: ProcessDocument | null;
}

/** A record's state as of its last event, with the compiled definition it runs on. */
export interface CurrentRecord {
  seq: number;
  state: InstanceState;
  compiled: CompiledProcess;
}

/**
 * Runs a write whose outcome the caller must be told truthfully: when the database stops
 * answering during it, the change may or may not have been saved, and OUTCOME_UNKNOWN says so
 * (retry with the same Idempotency-Key) instead of a failure that invites a duplicate.
 */
async function outcomeKnown<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    throw new DomainError(
      'OUTCOME_UNKNOWN',
      'The database stopped answering while the change was being saved; it may or may not have been saved. Retry with the same Idempotency-Key.',
      { retryAfterSeconds: 2, cause: error },
    );
  }
}

/** Records: the runtime (engine, timers, scheduler, outbox), work notes, references and access lookups. */
export class RecordService {
  runtime!: Runtime;
  readonly notes: RecordNotes;
  /** Record-reference fields: checks, resolution, lookup and the referenced-by index. */
  readonly references: RecordReferences;
  private opened: Promise<void> | null = null;
  readonly timing: Required<Pick<RecordServiceOptions, 'pollMs' | 'heartbeatMs' | 'lookbackMs' | 'authCheckMs'>>;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    /** Process settings (owners, grants), the application's one store of them. */
    readonly processes: ProcessStore,
    private readonly logger: ApplicationLogger,
    private readonly options: RecordServiceOptions = {},
  ) {
    this.notes = new RecordNotes(db);
    this.references = new RecordReferences(db, this, (message, error) => this.log(message, error));
    this.timing = {
      pollMs: options.pollMs ?? 1000,
      heartbeatMs: options.heartbeatMs ?? 15_000,
      lookbackMs: options.lookbackMs ?? 5000,
      authCheckMs: options.authCheckMs ?? 2000,
    };
  }

  get engine(): InstanceEngine {
    return this.runtime.engine;
  }

  /** Opens the runtime with its indexes and the notes; starts the timer scheduler unless told not to. */
  init(): Promise<void> {
    this.opened ??= this.open();
    return this.opened;
  }

  private async open(): Promise<void> {
    this.runtime = await openRuntime(this.db, {
      clock: { now: this.now },
      logger: this.logger,
      scheduler: {
        ...(this.options.schedulerIdleMs ? { pollIntervalMs: this.options.schedulerIdleMs } : {}),
        onError: (error, timer) => this.log(`timer ${timer?._id ?? '(poll)'} failed`, error),
      },
      onTimerFired: (timer, outcome) => {
        const observer = this.options.observer;
        observer?.timerFired?.(timer.kind);
        if (timer.kind === 'clock-breach' && outcome.ok && 'state' in outcome && !outcome.replayed) {
          observer?.slaBreached?.(outcome.state.process.key, timer.clock ?? '');
        }
      },
      // Every change, not only those made through the API (timers, linked records, automation),
      // keeps the reference index up to date.
      onProjected: (change) =>
        this.references.indexAfterWrite(change.instanceId, change.compiled, change.state.data, change.at),
    });
    // The live-update stream reads changes by time.
    await this.runtime.engine.projections.collection.createIndex({ updatedAt: 1 });
    await this.notes.init();
    await this.references.init();
    if (this.options.scheduler !== false) {
      void this.runtime.scheduler.start();
      void this.runtime.dispatcher.start();
    }
  }

  /** How many timers are due now (a health figure). */
  dueTimerCount(): Promise<number> {
    return this.runtime.timers.countDue(this.now());
  }

  private log(message: string, error: unknown): void {
    this.logger.warn({ err: error }, `[records] ${message}`);
  }

  /** Stops the scheduler (the application's close). */
  async close(): Promise<void> {
    if (this.runtime) await Promise.all([this.runtime.scheduler.stop(), this.runtime.dispatcher.stop()]);
  }

  /**
   * The record, if the caller may see it; NOT_FOUND when missing or invisible.
   * Access is decided on the projection; only a record with no projection yet (a crash between
   * the first append and its projection) is loaded, and so repaired, from the log.
   */
  async visible(user: AuthenticatedUser, id: string): Promise<VisibleRecord> {
    const record = (await this.engine.projections.get(id)) ?? (await this.engine.instance(id));
    const process = record ? await this.processes.byKey(record.processKey) : null;
    if (!record || !maySee(user, record, process)) throw new DomainError('NOT_FOUND', `No record ${id}.`);
    return { user, record, process };
  }

  /**
   * Starts a record of the process with the requester's data: NOT_FOUND when the caller may not
   * raise one, PROCESS_NOT_PUBLISHED without a published version, and the engine's refusals as
   * coded errors. Record references are checked first; a replay returns the recorded result.
   */
  async start(
    user: AuthenticatedUser,
    key: string,
    data: Record<string, unknown>,
    options: { idempotencyKey?: string | undefined } = {},
  ): Promise<EngineSuccess> {
    return outcomeKnown(() => this.startRecord(user, key, data, options));
  }

  private async startRecord(
    user: AuthenticatedUser,
    key: string,
    data: Record<string, unknown>,
    options: { idempotencyKey?: string | undefined },
  ): Promise<EngineSuccess> {
    const process = await this.processes.byKey(key);
    if (!mayStart(user, process)) throw new DomainError('NOT_FOUND', `No process ${key}.`);
    const compiled = await this.engine.registry.latest(key);
    if (!compiled) throw new DomainError('PROCESS_NOT_PUBLISHED', `Process ${key} has no published version.`);
    await this.references.assertValid(user, compiled, data);
    const { idempotencyKey } = options;
    const result = await this.engine.start(key, data, engineActor(user, compiled, process, null), {
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    if (!result.ok) throw engineError(result, undefined);
    // The engine indexes every change it applies; a replay may follow a crash before that.
    if (result.replayed)
      await this.references.indexAfterWrite(result.instanceId, compiled, result.state.data, this.now());
    else this.options.observer?.eventApplied?.(key, 'start');
    return result;
  }

  /**
   * Sends an event to a record the caller sees, acting with the roles they hold on it. With
   * `expectedSeq`, a record changed since answers PRECONDITION_FAILED.
   */
  async send(
    visible: VisibleRecord,
    event: Omit<SendInput, 'timer'>,
    options: { idempotencyKey?: string | undefined; expectedSeq?: number | undefined } = {},
  ): Promise<EngineSuccess> {
    return outcomeKnown(() => this.sendEvent(visible, event, options));
  }

  private async sendEvent(
    visible: VisibleRecord,
    event: Omit<SendInput, 'timer'>,
    options: { idempotencyKey?: string | undefined; expectedSeq?: number | undefined },
  ): Promise<EngineSuccess> {
    const { user, record, process } = visible;
    const { idempotencyKey, expectedSeq } = options;
    if (expectedSeq !== undefined && !Number.isInteger(expectedSeq)) {
      throw new DomainError('PRECONDITION_FAILED', 'If-Match must be an ETag from this record, like "3".');
    }
    const compiled = await this.engine.registry.get(record.processKey, record.processVersion);
    if (!compiled) throw new DomainError('NOT_FOUND', `No record ${record._id}.`);
    const { type, data, vote, comment } = event;
    if (data) {
      await this.references.assertValid(user, compiled, data);
      // Indexed before the event too: a crash after the append must not lose the reference.
      await this.references.index(record._id, compiled, data, this.now());
    }
    const result = await this.engine.send(
      record._id,
      { type, ...(data ? { data } : {}), ...(vote ? { vote } : {}), ...(comment ? { comment } : {}) },
      engineActor(user, compiled, process, record),
      { ...(idempotencyKey ? { idempotencyKey } : {}), ...(expectedSeq !== undefined ? { expectedSeq } : {}) },
    );
    if (!result.ok) throw engineError(result, expectedSeq);
    if (result.replayed) await this.references.indexAfterWrite(record._id, compiled, result.state.data, this.now());
    else this.options.observer?.eventApplied?.(record.processKey, type);
    return result;
  }

  /**
   * A page of the records the caller may see, filtered and sorted as asked, with the cursor of the
   * next page (null on the last). VALIDATION_FAILED for a cursor that is not from this list.
   */
  async list(
    user: AuthenticatedUser,
    query: RecordListQuery,
  ): Promise<{ items: InstanceDocument[]; nextCursor: string | null }> {
    const visible = visibleRecordsFilter(user, user.roles.includes('admin') ? [] : await this.processes.list());
    const find = buildRecordFind(query, user.id, visible, this.now());
    const docs = await this.engine.projections.collection
      .find(find.filter)
      .sort(find.sort)
      .limit(find.limit + 1)
      .toArray();
    const items = docs.slice(0, find.limit);
    const last = items.at(-1);
    const value = last ? last[find.sortField] : null;
    const more = docs.length > find.limit && last && value;
    return {
      items,
      nextCursor: more ? encodeCursor({ sort: find.sortField, value: new Date(value).getTime(), id: last._id }) : null,
    };
  }

  /** A cursor over record changes from `start` (ms since the epoch), for a live-update stream. */
  changes(start: number): ChangeCursor {
    return new ChangeCursor(this.engine.projections.collection, start, this.timing.lookbackMs);
  }

  /**
   * The record's state as of the projection's last event, with its compiled definition: one
   * read. The projection lags the log only after a crash between an append and its projection
   * write; the next write (any send, including one refused with 412) repairs it from the log.
   * With no such event the engine loads, and repairs, the instance.
   */
  async current(record: InstanceDocument): Promise<CurrentRecord | null> {
    const last = await this.engine.log.get(record._id, record.seq);
    if (last) {
      const body = instanceEventBody(last);
      const compiled = await this.engine.registry.get(body.process.key, body.process.version);
      if (compiled) return { seq: last.seq, state: body.state, compiled };
    }
    const loaded = await this.engine.load(record._id);
    return loaded ? { seq: loaded.head.seq, state: loaded.body.state, compiled: loaded.compiled } : null;
  }
}
