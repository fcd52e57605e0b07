import type { Collection, Db } from 'mongodb';
import { newSecret, sha256 } from './secret-token.ts';

/** A stored session. `_id` is the sha256 of the cookie value. */
export interface SessionDocument {
  _id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A session as created: the cookie value exists only here, never in the database. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Sessions in MongoDB, so every server process sees them. FerretDB has no TTL indexes: expiry
 * is checked in code on every lookup, and expired sessions are deleted lazily (on lookup and
 * on each sign-in).
 */
export class SessionStore {
  readonly collection: Collection<SessionDocument>;

  constructor(
    db: Db,
    private readonly now: () => Date,
    private readonly ttlMs: number,
  ) {
    this.collection = db.collection<SessionDocument>('sessions');
  }

  async init(): Promise<void> {
    await this.collection.createIndex({ userId: 1 }, { name: 'user' });
    await this.collection.createIndex({ expiresAt: 1 }, { name: 'expires' });
  }

  async create(userId: string): Promise<NewSession> {
    await this.deleteExpired();
    const token = newSecret('cfs_');
    const csrfToken = newSecret('');
    const createdAt = this.now();
    const expiresAt = new Date(createdAt.getTime() + this.ttlMs);
    await this.collection.insertOne({ _id: sha256(token), userId, csrfToken, createdAt, expiresAt });
    return { token, csrfToken, expiresAt };
  }

  /** The live session for a cookie value, or null (an expired one is deleted on the way). */
  async find(token: string): Promise<SessionDocument | null> {
    const session = await this.collection.findOne({ _id: sha256(String(token)) });
    if (!session) return null;
    if (session.expiresAt.getTime() <= this.now().getTime()) {
      await this.collection.deleteOne({ _id: session._id });
      return null;
    }
    return session;
  }

  async delete(token: string): Promise<void> {
    await this.collection.deleteOne({ _id: sha256(String(token)) });
  }

  /** Ends every session of a user (disabled user, changed password). */
  async deleteForUser(userId: string): Promise<void> {
    await this.collection.deleteMany({ userId: String(userId) });
  }

  /** Deletes expired sessions; returns how many. */
  async deleteExpired(): Promise<number> {
    const result = await this.collection.deleteMany({ expiresAt: { $lte: this.now() } });
    return result.deletedCount;
  }
}
