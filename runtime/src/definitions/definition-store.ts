import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '../database-kind.ts';
import { canonicalJson, type Definition } from '@clauseflow/definition';
import { sha256Hex } from '../canonical-json.ts';
import type { LocalizedText } from '@clauseflow/common';

/** A published, immutable definition version as stored. */
export interface StoredVersion {
  /** `${key}@${version}`: a second publish of the same version collides on the unique _id. */
  _id: string;
  key: string;
  version: number;
  /** Canonical JSON text: JSON Schema's `$ref`/`$defs` keys cannot be document keys on FerretDB. */
  text: string;
  sha256: string;
  title: LocalizedText;
  tags: string[];
  publishedAt: Date;
  publishedBy: string;
}

/** One saved revision of a draft; revisions are append-only so concurrent saves collide, never merge. */
export interface DraftRevision {
  /** `${key}:${rev zero-padded}`. */
  _id: string;
  key: string;
  rev: number;
  text: string;
  savedAt: Date;
  savedBy: string;
}

/** Result of an optimistic write. */
export type WriteOutcome<T> = { ok: true; value: T } | { ok: false; code: 'CONFLICT'; current: number };

const pad = (n: number) => n.toString().padStart(10, '0');

export { sha256Hex };

/**
 * Drafts and published versions of process definitions. Correct without transactions or
 * atomic updates: every write is a single-document insert whose unique `_id` decides races.
 */
export class DefinitionStore {
  private readonly versions: Collection<StoredVersion>;
  private readonly drafts: Collection<DraftRevision>;

  constructor(db: Db) {
    this.versions = db.collection<StoredVersion>('definition_versions');
    this.drafts = db.collection<DraftRevision>('definition_drafts');
  }

  /** Creates the indexes the queries need; idempotent. */
  async init(): Promise<void> {
    await this.versions.createIndex({ key: 1, version: -1 });
    await this.drafts.createIndex({ key: 1, rev: -1 });
  }

  /** The latest draft revision of a process, if any. */
  async latestDraft(key: string): Promise<DraftRevision | null> {
    return this.drafts.findOne({ key }, { sort: { rev: -1 } });
  }

  /**
   * Saves a new draft revision. With `expectedRev`, the save succeeds only if that is still the
   * latest revision (optimistic check decided by the unique `_id` of revision expectedRev + 1).
   */
  async saveDraft(
    key: string,
    definition: unknown,
    actor: string,
    at: Date,
    expectedRev?: number,
  ): Promise<WriteOutcome<DraftRevision>> {
    const text = canonicalJson(definition);
    for (;;) {
      const current = (await this.latestDraft(key))?.rev ?? 0;
      if (expectedRev !== undefined && expectedRev !== current) return { ok: false, code: 'CONFLICT', current };
      const revision: DraftRevision = {
        _id: `${key}:${pad(current + 1)}`,
        key,
        rev: current + 1,
        text,
        savedAt: at,
        savedBy: actor,
      };
      try {
        await this.drafts.insertOne(revision);
        return { ok: true, value: revision };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        if (expectedRev !== undefined) return { ok: false, code: 'CONFLICT', current: current + 1 };
        // Another writer took this revision number and the caller did not pin one: try the next.
      }
    }
  }

  /** Publishes a definition as the next immutable version of its key; its `version` is set here. */
  async publish(definition: Definition, actor: string, at: Date): Promise<StoredVersion> {
    for (;;) {
      const version = ((await this.latest(definition.key))?.version ?? 0) + 1;
      const published: Definition = { ...definition, version };
      const text = canonicalJson(published);
      const stored: StoredVersion = {
        _id: `${definition.key}@${version}`,
        key: definition.key,
        version,
        text,
        sha256: sha256Hex(text),
        title: definition.title,
        tags: definition.tags,
        publishedAt: at,
        publishedBy: actor,
      };
      try {
        await this.versions.insertOne(stored);
        return stored;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  /** The newest published version of a process. */
  async latest(key: string): Promise<StoredVersion | null> {
    return this.versions.findOne({ key }, { sort: { version: -1 } });
  }

  /** One published version. */
  async get(key: string, version: number): Promise<StoredVersion | null> {
    return this.versions.findOne({ _id: `${key}@${version}` });
  }

  /** All published versions of a process, newest first, without their texts. */
  async list(key: string): Promise<Omit<StoredVersion, 'text'>[]> {
    return this.versions.find({ key }, { sort: { version: -1 }, projection: { text: 0 } }).toArray();
  }

  /** Parses a stored version's text back into a definition, checking its hash (tamper evidence). */
  static definitionOf(stored: StoredVersion): Definition {
    if (sha256Hex(stored.text) !== stored.sha256) {
      throw new Error(`definition ${stored._id} does not match its sha256`);
    }
    return JSON.parse(stored.text) as Definition;
  }
}
