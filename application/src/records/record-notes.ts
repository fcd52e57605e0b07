import { createHash, randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';

/** A work note added through the API (collection `record_notes`). */
export interface NoteDocument {
  /** Derived from the record, author and idempotency key when one was given, so a retry adds nothing. */
  _id: string;
  recordId: string;
  author: string;
  at: Date;
  text: string;
}

/**
 * Work notes added by people. They live beside the event log, not in it: the log's last event
 * holds the instance's whole state, and a note changes no state.
 */
export class RecordNotes {
  private readonly collection: Collection<NoteDocument>;

  constructor(db: Db) {
    this.collection = db.collection<NoteDocument>('record_notes');
  }

  async init(): Promise<void> {
    await this.collection.createIndex({ recordId: 1, at: 1 });
  }

  /** Adds a note; with an idempotency key, a replay returns the note first stored. */
  async add(recordId: string, author: string, text: string, at: Date, idempotencyKey?: string): Promise<NoteDocument> {
    const _id = idempotencyKey
      ? `n_${createHash('sha256').update(`${recordId}\n${author}\n${idempotencyKey}`).digest('hex').slice(0, 24)}`
      : `n_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
    const doc: NoteDocument = { _id, recordId, author, at, text };
    try {
      await this.collection.insertOne(doc);
      return doc;
    } catch (error) {
      const existing = await this.collection.findOne({ _id });
      if (existing) return existing;
      throw error;
    }
  }

  async list(recordId: string): Promise<NoteDocument[]> {
    return this.collection.find({ recordId }).sort({ at: 1, _id: 1 }).limit(1000).toArray();
  }

  /** Every note of a record, oldest first (the evidence pack; lists use {@link list}). */
  async all(recordId: string): Promise<NoteDocument[]> {
    return this.collection.find({ recordId }).sort({ at: 1, _id: 1 }).toArray();
  }

  /** Removes every note of a record (its disposal). */
  async removeAll(recordId: string): Promise<void> {
    await this.collection.deleteMany({ recordId: String(recordId) });
  }
}
