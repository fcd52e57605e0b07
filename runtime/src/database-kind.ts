import { MongoServerError, type Db } from 'mongodb';

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

/** True for the server's duplicate key error (E11000) from any single-document write. */
export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}
