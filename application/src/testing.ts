import type { Collection, Document } from 'mongodb';

/** A query on stored documents (string ids, as the application stores them). */
type StoredFilter = Record<string, unknown>;
import type { ClauseFlow } from './open-clauseflow.ts';

/** Every collection the application (and the runtime below it) stores data in. */
export const STORED_COLLECTIONS = [
  'api_tokens',
  'attempt_slots',
  'catalogue_activations',
  'catalogue_packs',
  'catalogue_templates',
  'definition_drafts',
  'definition_versions',
  'document_approvals',
  'document_versions',
  'documents',
  'events',
  'groups',
  'instances',
  'outbox',
  'processes',
  'rate_limits',
  'record_disposals',
  'record_notes',
  'record_refs',
  'sessions',
  'setup',
  'timers',
  'users',
] as const;

export type StoredCollection = (typeof STORED_COLLECTIONS)[number];

/**
 * What tests of the hosts may see of the stored data: counts and documents, to prove that
 * nothing was half-written, that secrets are stored hashed, or to tamper with a record on purpose.
 * Hosts never touch collections in their own code; their tests reach them only through here,
 * so the application stays the one owner of every collection.
 */
export function storedData(clauseflow: ClauseFlow) {
  const { db } = clauseflow.context;
  return {
    /** The stored documents of a collection, to read or (to test tamper detection) change. */
    raw<T extends Document = Document>(name: StoredCollection): Collection<T> {
      return db.collection<T>(name);
    },
    count(name: StoredCollection, filter: StoredFilter = {}): Promise<number> {
      return db.collection(name).countDocuments(filter);
    },
    /** Every document of a collection, by `_id`. */
    all(name: StoredCollection): Promise<Document[]> {
      return db.collection(name).find({}).sort({ _id: 1 }).toArray();
    },
  };
}
