import { MongoBulkWriteError, MongoServerError, type Collection, type OptionalUnlessRequiredId } from 'mongodb';
import { bulkWriteRefusals } from './database-kind.ts';

interface Pending<T> {
  doc: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The duplicate key error one document of a batch met, as `insertOne` would have thrown it. */
function duplicateKeyError(message: string): MongoServerError {
  return new MongoServerError({ message, code: 11000, errmsg: message });
}

/**
 * Group commit for single-document inserts into one collection: an insert that arrives while
 * the previous batch is on its way waits for it and then goes with every other waiting insert
 * as one unordered `insertMany` — one round trip, and on FerretDB one SQLite transaction. Each
 * caller still gets exactly what `insertOne` would have given it: done, or its own error (a
 * duplicate key is a `MongoServerError` with code 11000, so E11000 stays the concurrency
 * primitive). A lone insert is a plain `insertOne`, so a single caller pays nothing extra.
 */
export class InsertBatcher<T extends { _id: string }> {
  readonly #queue: Pending<T>[] = [];
  #writing = false;

  constructor(
    readonly collection: Collection<T>,
    private readonly maxBatch = 256,
  ) {}

  /** Inserts `doc`; resolves once it is stored, rejects with the error its insert met. */
  insert(doc: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ doc, resolve, reject });
      this.#drain();
    });
  }

  #drain(): void {
    if (this.#writing || this.#queue.length === 0) return;
    this.#writing = true;
    const batch = this.#queue.splice(0, this.maxBatch);
    void this.#write(batch).finally(() => {
      this.#writing = false;
      this.#drain();
    });
  }

  async #write(batch: Pending<T>[]): Promise<void> {
    const docs = batch.map((p) => p.doc as OptionalUnlessRequiredId<T>);
    if (batch.length === 1) {
      try {
        await this.collection.insertOne(docs[0]!);
        batch[0]!.resolve();
      } catch (error) {
        batch[0]!.reject(error);
      }
      return;
    }
    try {
      await this.collection.insertMany(docs, { ordered: false });
      for (const p of batch) p.resolve();
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) {
        for (const p of batch) p.reject(error);
        return;
      }
      const refused = new Map<number, { code: number; message: string }>();
      for (const { index, code, errmsg } of bulkWriteRefusals(error)) {
        refused.set(index, { code, message: errmsg ?? 'write error' });
      }
      batch.forEach((p, index) => {
        const refusal = refused.get(index);
        if (!refusal) p.resolve();
        else if (refusal.code === 11000) p.reject(duplicateKeyError(refusal.message));
        else p.reject(new MongoServerError({ message: refusal.message, code: refusal.code, errmsg: refusal.message }));
      });
    }
  }
}
