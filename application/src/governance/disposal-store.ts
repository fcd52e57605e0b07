import type { Collection, Db, Filter, FindCursor } from 'mongodb';
import { isDuplicateKeyError } from '@clauseflow/runtime';
import type { RetentionFrom } from './retention-policy.ts';

/** The collection of disposal records. Nothing in the API deletes from it. */
export const DISPOSALS_COLLECTION = 'record_disposals';

/**
 * The record that a record was disposed of: who authorized it, when and why, what was disposed
 * of (process, version, id, title, the log's length and final hash) and under which policy. It
 * outlives the record; its `_id` is the record id, so a record is disposed of at most once.
 */
export interface DisposalDocument {
  /** The disposed record's id. */
  _id: string;
  processKey: string;
  processVersion: number;
  title: string;
  /** The record's final state id. */
  finalState: string;
  recordCreatedAt: Date;
  /** When the record first reached a final state. */
  closedAt: Date;
  /** How many events the record's log held, and the hash of the last one. */
  eventCount: number;
  finalHash: string | null;
  /** Did the log's hash chain verify when it was disposed of? */
  chain: { ok: true } | { ok: false; brokenAt: number; reason: string };
  policy: { period: string; from: RetentionFrom; setBy: string; setAt: Date };
  retainUntil: Date;
  reason: string;
  authorizedBy: { id: string; username: string; displayName: string };
  disposedAt: Date;
  /** When the record's data was removed; null while the removal is unfinished (a crash meanwhile). */
  completedAt: Date | null;
}

/** A page of disposal records. */
export interface DisposalQuery {
  /** Only these process keys (null: every process). */
  processKeys: readonly string[] | null;
  from?: Date;
  to?: Date;
}

/**
 * Disposal records in MongoDB. Writing one is a single insert under the record's id, so two
 * people disposing of one record at once produce one disposal record.
 */
export class DisposalStore {
  readonly collection: Collection<DisposalDocument>;

  constructor(db: Db) {
    this.collection = db.collection<DisposalDocument>(DISPOSALS_COLLECTION);
  }

  async init(): Promise<void> {
    await this.collection.createIndex({ processKey: 1, disposedAt: -1 });
    await this.collection.createIndex({ completedAt: 1 });
  }

  /** Inserts the disposal record; when one exists for the record already, that one (`created` false). */
  async insert(doc: DisposalDocument): Promise<{ doc: DisposalDocument; created: boolean }> {
    try {
      await this.collection.insertOne(doc);
      return { doc, created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.get(doc._id);
      if (!existing) throw error;
      return { doc: existing, created: false };
    }
  }

  async get(recordId: string): Promise<DisposalDocument | null> {
    return this.collection.findOne({ _id: recordId });
  }

  /** Is there a disposal record for the record? (One `_id` lookup.) */
  async exists(recordId: string): Promise<boolean> {
    return (await this.collection.findOne({ _id: recordId }, { projection: { _id: 1 } })) !== null;
  }

  /** Marks the removal of the record's data as finished. */
  async complete(recordId: string, at: Date): Promise<void> {
    await this.collection.updateOne({ _id: recordId, completedAt: null }, { $set: { completedAt: at } });
  }

  /** Disposal records whose removal a crash left unfinished. */
  async unfinished(limit = 100): Promise<DisposalDocument[]> {
    return this.collection.find({ completedAt: null }).sort({ disposedAt: 1 }).limit(limit).toArray();
  }

  /**
   * A page of disposal records, newest first, after the position `after` (the last of the
   * previous page); `more` tells whether another page follows.
   */
  async page(
    query: DisposalQuery,
    after: { at: Date; id: string } | undefined,
    limit: number,
  ): Promise<{ items: DisposalDocument[]; more: boolean }> {
    const filter = this.filter(query);
    const pageFilter: Filter<DisposalDocument> = after
      ? {
          $and: [
            filter,
            { $or: [{ disposedAt: { $lt: after.at } }, { disposedAt: after.at, _id: { $lt: after.id } }] },
          ],
        }
      : filter;
    const docs = await this.collection
      .find(pageFilter)
      .sort({ disposedAt: -1, _id: -1 })
      .limit(limit + 1)
      .toArray();
    return { items: docs.slice(0, limit), more: docs.length > limit };
  }

  /** The disposal records of some processes in a period, oldest first, read one at a time. */
  cursor(query: DisposalQuery): FindCursor<DisposalDocument> {
    return this.collection.find(this.filter(query)).sort({ disposedAt: 1, _id: 1 });
  }

  /** The filter of disposal records of some processes in a period (`[from, to)`); values are server-checked. */
  filter(query: DisposalQuery): Filter<DisposalDocument> {
    const clauses: Filter<DisposalDocument>[] = [];
    if (query.processKeys) clauses.push({ processKey: { $in: [...query.processKeys] } });
    if (query.from) clauses.push({ disposedAt: { $gte: query.from } });
    if (query.to) clauses.push({ disposedAt: { $lt: query.to } });
    return clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0]! : { $and: clauses };
  }
}
