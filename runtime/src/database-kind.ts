import { MongoBulkWriteError, MongoServerError, type Db } from 'mongodb';

/**
 * Which server is behind a connection. Correctness never depends on it; it only picks the
 * faster of two equally correct read paths (FerretDB 1.x on SQLite serves `_id` lookups from
 * an index but scans the collection for every other filter, sort and update).
 */
export type DatabaseKind = 'mongodb' | 'ferretdb';

const kinds = new WeakMap<object, Promise<DatabaseKind>>();

/** Asks the server once per client (`buildInfo` names FerretDB's version when it is FerretDB). */
export function detectDatabaseKind(db: Db): Promise<DatabaseKind> {
  const key = db.client;
  let kind = kinds.get(key);
  if (!kind) {
    kind = db
      .admin()
      .command({ buildInfo: 1 })
      .then((info): DatabaseKind => ('ferretdbVersion' in info ? 'ferretdb' : 'mongodb'))
      .catch(() => 'mongodb' as const);
    kinds.set(key, kind);
  }
  return kind;
}

/** One document a bulk write refused: its index in the batch, the server's code and message. */
export interface BulkWriteRefusal {
  index: number;
  code: number;
  errmsg?: string;
}

/** The documents a bulk write (`insertMany`, `bulkWrite`) refused, one entry each. */
export function bulkWriteRefusals(error: MongoBulkWriteError): BulkWriteRefusal[] {
  return ([] as BulkWriteRefusal[]).concat(error.writeErrors as BulkWriteRefusal | BulkWriteRefusal[]);
}

/**
 * True for the server's duplicate key error (E11000): from a single-document write, or from a
 * bulk write every refused document of which was refused for a duplicate key.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (error instanceof MongoBulkWriteError) {
    const refusals = bulkWriteRefusals(error);
    return refusals.length > 0 && refusals.every((refusal) => refusal.code === 11000);
  }
  return error instanceof MongoServerError && error.code === 11000;
}
