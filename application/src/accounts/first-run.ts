import type { Collection, Db } from 'mongodb';
import { DomainError, isDomainError } from '@clauseflow/common';
import { newSecret, sha256 } from './secret-token.ts';
import { isDuplicateKey, type NewUser, type UserDocument, type UserStore } from './user-store.ts';

/** A setup token (`_id` = its sha256) or the `completed` marker whose unique `_id` lets one setup win. */
export interface SetupDocument {
  _id: string;
  createdAt: Date;
  expiresAt?: Date;
}

const COMPLETED = 'completed';
const SETUP_TOKEN_TTL_MS = 24 * 3_600_000;

/** What first run reads from the host's configuration. */
export interface FirstRunConfig {
  /** Creates this admin on first run instead of issuing a setup link (with `adminPassword`). */
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  /** The address the setup link points at. */
  publicUrl: string;
}

/** What first run did. */
export type FirstRunOutcome =
  | { kind: 'users-exist' }
  | { kind: 'admin-from-env'; username: string }
  | { kind: 'setup-link'; url: string; token: string };

/**
 * First run, with no default password ever: when no user exists, create the admin named by
 * `CLAUSEFLOW_ADMIN_USERNAME`/`CLAUSEFLOW_ADMIN_PASSWORD`, or else issue a one-time setup token
 * (valid 24 h) whose link `POST /api/setup` redeems. Several processes may start at once: each
 * may issue its own token, and the `completed` marker's unique `_id` lets only one setup win.
 */
export class FirstRun {
  readonly collection: Collection<SetupDocument>;

  constructor(
    db: Db,
    private readonly users: UserStore,
    private readonly config: FirstRunConfig,
    private readonly now: () => Date,
  ) {
    this.collection = db.collection<SetupDocument>('setup');
  }

  async run(): Promise<FirstRunOutcome> {
    if ((await this.users.count()) > 0) return { kind: 'users-exist' };
    const { adminUsername, adminPassword } = this.config;
    if (adminUsername && adminPassword) {
      try {
        await this.createFirstAdmin({
          username: adminUsername,
          displayName: adminUsername,
          password: adminPassword,
          roles: ['admin'],
        });
      } catch (error) {
        // Another process created it first.
        if (!(isDomainError(error) && error.code === 'SETUP_ALREADY_DONE')) throw error;
      }
      return { kind: 'admin-from-env', username: adminUsername };
    }
    const token = newSecret('cfsetup_');
    const createdAt = this.now();
    await this.collection.insertOne({
      _id: sha256(token),
      createdAt,
      expiresAt: new Date(createdAt.getTime() + SETUP_TOKEN_TTL_MS),
    });
    return { kind: 'setup-link', token, url: `${this.config.publicUrl}/setup#token=${token}` };
  }

  /** Redeems a setup token: creates the first admin, then no token works any more. */
  async redeem(token: string, admin: Omit<NewUser, 'roles'>): Promise<UserDocument> {
    if (await this.isDone()) throw new DomainError('SETUP_ALREADY_DONE');
    const stored = await this.collection.findOne({ _id: sha256(String(token)) });
    if (!stored?.expiresAt || stored.expiresAt.getTime() <= this.now().getTime()) {
      throw new DomainError('UNAUTHENTICATED', 'The setup token is not valid or has expired.');
    }
    return this.createFirstAdmin({ ...admin, roles: ['admin'] });
  }

  /** True once an admin exists. */
  async isDone(): Promise<boolean> {
    return (await this.collection.findOne({ _id: COMPLETED })) !== null || (await this.users.count()) > 0;
  }

  private async createFirstAdmin(admin: NewUser): Promise<UserDocument> {
    try {
      await this.collection.insertOne({ _id: COMPLETED, createdAt: this.now() });
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError('SETUP_ALREADY_DONE');
      throw error;
    }
    const user = await this.users.create(admin);
    await this.collection.deleteMany({ _id: { $ne: COMPLETED } });
    return user;
  }
}
