import { randomBytes } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { DomainError } from '@clauseflow/common';
import { newSecret, sha256 } from './secret-token.ts';

/** A stored API token: only the sha256 of the secret is kept. */
export interface ApiTokenDocument {
  _id: string;
  name: string;
  /** The user the token acts as. */
  userId: string;
  hash: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** Bearer API tokens for scripts and integrations, created and revoked by an admin. */
export class ApiTokenStore {
  readonly collection: Collection<ApiTokenDocument>;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.collection = db.collection<ApiTokenDocument>('api_tokens');
  }

  async init(): Promise<void> {
    await this.collection.createIndex({ hash: 1 }, { unique: true, name: 'hash_unique' });
  }

  /** Creates a token; the returned secret is shown once and never stored. */
  async create(input: {
    name: string;
    userId: string;
    createdBy: string;
    expiresAt?: Date | null;
  }): Promise<{ token: ApiTokenDocument; secret: string }> {
    const secret = newSecret('cft_');
    const token: ApiTokenDocument = {
      _id: `t_${randomBytes(9).toString('hex')}`,
      name: input.name,
      userId: input.userId,
      hash: sha256(secret),
      createdBy: input.createdBy,
      createdAt: this.now(),
      expiresAt: input.expiresAt ?? null,
      revokedAt: null,
    };
    await this.collection.insertOne(token);
    return { token, secret };
  }

  /** The live (not revoked, not expired) token for a bearer secret, or null. */
  async find(secret: string): Promise<ApiTokenDocument | null> {
    const token = await this.collection.findOne({ hash: sha256(String(secret)) });
    if (!token || token.revokedAt) return null;
    if (token.expiresAt && token.expiresAt.getTime() <= this.now().getTime()) return null;
    return token;
  }

  list(): Promise<ApiTokenDocument[]> {
    return this.collection.find({}).sort({ createdAt: -1 }).toArray();
  }

  /** Revokes a token (kept for the audit trail); NOT_FOUND for an unknown id. */
  async revoke(id: string): Promise<ApiTokenDocument> {
    const token = await this.collection.findOneAndUpdate(
      { _id: String(id) },
      { $set: { revokedAt: this.now() } },
      { returnDocument: 'after' },
    );
    if (!token) throw new DomainError('NOT_FOUND', `No API token ${id}.`);
    return token;
  }
}
