import type { Collection, Db, Filter, IndexSpecification } from 'mongodb';
import { isDuplicateKeyError } from './database-kind.ts';
import { InsertBatcher } from './insert-batcher.ts';
import { assertIdString } from './storable-json.ts';

/**
 * A store over one collection of documents with deterministic ids (timers, outbox messages),
 * each inserted once: a second insert of the same id — a retried effect, another process —
 * meets the unique `_id` and changes nothing.
 */
export abstract class InsertOnceStore<T extends { _id: string }> {
  readonly collection: Collection<T>;

  /** Inserts by concurrent callers go to the server together (group commit). */
  protected constructor(private readonly inserts: InsertBatcher<T>) {
    this.collection = inserts.collection;
  }

  /** The document with this id, if any. */
  async get(id: string): Promise<T | null> {
    assertIdString(id, 'id', 512);
    return (await this.collection.findOne({ _id: id } as Filter<T>)) as T | null;
  }

  /** Inserts `doc`; false when a document with its id is stored already. */
  protected insertOnce(doc: T): Promise<boolean> {
    return this.inserts.insert(doc).then(
      () => true,
      (error: unknown) => {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      },
    );
  }
}

/** Makes sure of a collection's indexes, by name, and returns the batcher its inserts go through. */
export async function openBatchedCollection<T extends { _id: string }>(
  db: Db,
  name: string,
  indexes: Readonly<Record<string, IndexSpecification>>,
): Promise<InsertBatcher<T>> {
  const collection = db.collection<T>(name);
  for (const [indexName, keys] of Object.entries(indexes)) await collection.createIndex(keys, { name: indexName });
  return new InsertBatcher(collection);
}
