import type { Db, Filter } from 'mongodb';
import { DomainError } from '@clauseflow/common';
import {
  EventLog,
  InstanceProjections,
  instanceEventBody as bodyOf,
  purgeInstanceData,
  type InstanceDocument,
} from '@clauseflow/runtime';
import type { AuthenticatedUser } from '../accounts/roles.ts';
import type { ProcessDocument } from '../processes/process-store.ts';
import { RecordNotes } from '../records/record-notes.ts';
import { DisposalStore, type DisposalDocument } from './disposal-store.ts';
import { latestElapsedStart, retainUntil, retentionStart, type RetentionPolicy } from './retention-policy.ts';

/** What a disposal would record about a record, before anyone authorized it. */
export type DisposalPlan = Omit<DisposalDocument, 'reason' | 'authorizedBy' | 'disposedAt' | 'completedAt'>;

/** A record whose retention has elapsed. */
export interface DisposalCandidate {
  record: InstanceDocument;
  closedAt: Date;
  retainUntil: Date;
}

/** A page of candidates and the cursor of the next one. */
export interface CandidatePage {
  items: DisposalCandidate[];
  nextCursor: string | null;
}

/** The cursor of a page position (a candidate's or a disposal record's time and id). */
export function encodeCandidateCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.getTime(), id]), 'utf8').toString('base64url');
}

/** Decodes a candidates cursor, type-checking each part; null when it is not one of ours. */
export function decodeCandidateCursor(cursor: string): { at: Date; id: string } | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [ms, id] = parsed as unknown[];
    if (typeof ms !== 'number' || !Number.isFinite(ms) || typeof id !== 'string' || id.length > 200) return null;
    return { at: new Date(ms), id };
  } catch {
    return null;
  }
}

/**
 * Retention and disposal of records. A disposal first writes the disposal record (one insert,
 * unique by record id), then removes the record's timers, notifications, projection, notes and
 * event log, then marks the disposal record complete. There are no transactions: a crash in between leaves a disposal record without `completedAt`, which
 * {@link resumeUnfinished} (at start-up) or a second disposal request finishes. From the moment
 * the disposal record exists the record's routes answer 404 (see disposed-record-guard.ts).
 */
export class DisposalService {
  readonly store: DisposalStore;
  private readonly projections: InstanceProjections;
  private readonly notes: RecordNotes;
  private readonly db: Db;
  private log!: EventLog;
  private opened: Promise<void> | null = null;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.db = db;
    this.store = new DisposalStore(db);
    this.projections = new InstanceProjections(db);
    this.notes = new RecordNotes(db);
  }

  /** Opens the event log and the indexes; idempotent. */
  init(): Promise<void> {
    this.opened ??= (async () => {
      this.log = await EventLog.open(this.db);
      await this.store.init();
    })();
    return this.opened;
  }

  /**
   * What disposing of the record would record; RECORD_NOT_CLOSED when its last event leaves it
   * open, RETENTION_NOT_ELAPSED when its process keeps records indefinitely or the period runs on.
   */
  async plan(record: InstanceDocument, process: ProcessDocument | null): Promise<DisposalPlan> {
    await this.init();
    const events = await this.log.read(record._id);
    const first = events[0];
    const last = events.at(-1);
    if (!first || !last) throw new DomainError('NOT_FOUND', `No record ${record._id}.`);
    const closing = events.find((event) => bodyOf(event).state.status === 'done');
    if (bodyOf(last).state.status !== 'done' || !closing) {
      throw new DomainError('RECORD_NOT_CLOSED', `Record ${record._id} is open (state ${bodyOf(last).state.state}).`);
    }
    const policy: RetentionPolicy | null | undefined = process?.retention;
    if (!policy) {
      throw new DomainError(
        'RETENTION_NOT_ELAPSED',
        `Process ${record.processKey} has no retention policy: its records are kept indefinitely.`,
      );
    }
    const start = retentionStart(policy, { createdAt: first.at, closedAt: closing.at });
    const until = retainUntil(policy, start ?? closing.at);
    if (until.getTime() > this.now().getTime()) {
      throw new DomainError(
        'RETENTION_NOT_ELAPSED',
        `Record ${record._id} is kept until ${until.toISOString()} (${policy.period} from ${policy.from}).`,
      );
    }
    const verified = await this.log.verify(record._id);
    return {
      _id: record._id,
      processKey: bodyOf(last).process.key,
      processVersion: bodyOf(last).process.version,
      title: record.title,
      finalState: bodyOf(last).state.state,
      recordCreatedAt: first.at,
      closedAt: closing.at,
      eventCount: events.length,
      finalHash: last.hash,
      chain: verified.ok ? { ok: true } : { ok: false, brokenAt: verified.brokenAt, reason: verified.reason },
      policy: { period: policy.period, from: policy.from, setBy: policy.setBy, setAt: policy.setAt },
      retainUntil: until,
    };
  }

  /**
   * The first step of a disposal: writes the disposal record. From here on the record is gone
   * for the API. When the record was disposed of already, that disposal record (`created` false).
   */
  async record(
    plan: DisposalPlan,
    reason: string,
    user: Pick<AuthenticatedUser, 'id' | 'username' | 'displayName'>,
  ): Promise<{ doc: DisposalDocument; created: boolean }> {
    await this.init();
    return this.store.insert({
      ...plan,
      reason,
      authorizedBy: { id: user.id, username: user.username, displayName: user.displayName },
      disposedAt: this.now(),
      completedAt: null,
    });
  }

  /**
   * The second step: removes everything of the record but its disposal record, then marks that
   * complete. Every step is a delete by the record's id, so running it again (after a crash, or
   * by two servers at once) finishes the work and changes nothing more.
   */
  async purge(recordId: string): Promise<DisposalDocument | null> {
    await this.init();
    const disposal = await this.store.get(recordId);
    if (!disposal) return null;
    if (disposal.completedAt) return disposal;
    // The runtime removes what it stores (timers and messages first, the log, the projection).
    await purgeInstanceData(this.db, recordId);
    await this.notes.removeAll(recordId);
    await this.store.complete(recordId, this.now());
    // Another server finishing the same disposal may have marked it first: answer what is stored.
    return this.store.get(recordId);
  }

  /** Finishes every disposal a crash left unfinished; returns how many. */
  async resumeUnfinished(): Promise<number> {
    await this.init();
    let finished = 0;
    for (;;) {
      const batch = await this.store.unfinished();
      for (const disposal of batch) if (await this.purge(disposal._id)) finished++;
      if (batch.length < 100) return finished;
    }
  }

  /**
   * Closed records of the process whose retention has elapsed at the injected now, oldest first,
   * a page at a time. Empty when the process has no retention policy.
   */
  async candidates(process: ProcessDocument, limit: number, cursor?: { at: Date; id: string }): Promise<CandidatePage> {
    const policy = process.retention;
    if (!policy) return { items: [], nextCursor: null };
    const now = this.now();
    const field = policy.from === 'created' ? 'createdAt' : 'updatedAt';
    // A closed record changes no more, so its last update is when it closed.
    const clauses: Filter<InstanceDocument>[] = [
      { processKey: process._id },
      { status: 'done' },
      { [field]: { $lte: latestElapsedStart(policy, now) } },
    ];
    if (cursor) {
      clauses.push({ $or: [{ [field]: { $gt: cursor.at } }, { [field]: cursor.at, _id: { $gt: cursor.id } }] });
    }
    const docs = await this.projections.collection
      .find({ $and: clauses })
      .sort({ [field]: 1, _id: 1 })
      .limit(limit + 1)
      .toArray();
    const page = docs.slice(0, limit);
    const items: DisposalCandidate[] = [];
    for (const record of page) {
      const until = retainUntil(policy, record[field]);
      if (until.getTime() <= now.getTime()) items.push({ record, closedAt: record.updatedAt, retainUntil: until });
    }
    const last = page.at(-1);
    return { items, nextCursor: docs.length > limit && last ? encodeCandidateCursor(last[field], last._id) : null };
  }
}
