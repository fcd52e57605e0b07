import { randomBytes } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '@clauseflow/runtime';
import { DomainError, fieldIssue } from '@clauseflow/common';
import { hashPassword, verifyPassword, type ScryptParams } from './password.ts';
import type { Locale, PlatformRole, UserView } from './roles.ts';

/** A stored user. */
export interface UserDocument {
  _id: string;
  username: string;
  displayName: string;
  roles: PlatformRole[];
  groups: string[];
  locale: Locale;
  disabled: boolean;
  passwordHash: string;
  /** Incremented on every change; the ETag for optimistic concurrency (If-Match). */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What creating a user takes. */
export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: PlatformRole[];
  groups?: string[];
  locale?: Locale;
}

/** True when `error` is MongoDB's duplicate-key error (E11000), the one concurrency primitive we use. */
export const isDuplicateKey: (error: unknown) => boolean = isDuplicateKeyError;

/** The API view of a stored user. */
export function userView(user: UserDocument): UserView {
  return {
    id: user._id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    groups: user.groups,
    locale: user.locale,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
  };
}

/** The `users` collection: usernames are unique through a unique index. */
export class UserStore {
  readonly collection: Collection<UserDocument>;

  constructor(
    db: Db,
    private readonly now: () => Date,
    private readonly scrypt?: ScryptParams,
  ) {
    this.collection = db.collection<UserDocument>('users');
  }

  /** Creates the indexes (idempotent). */
  async init(): Promise<void> {
    await this.collection.createIndex({ username: 1 }, { unique: true, name: 'username_unique' });
    await this.collection.createIndex({ groups: 1 }, { name: 'groups' });
  }

  /** Creates a user; a taken username answers CONFLICT. */
  async create(input: NewUser): Promise<UserDocument> {
    const at = this.now();
    const user: UserDocument = {
      _id: `u_${randomBytes(12).toString('hex')}`,
      username: input.username,
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      groups: [...new Set(input.groups ?? [])],
      locale: input.locale ?? 'en',
      disabled: false,
      passwordHash: await hashPassword(input.password, this.scrypt),
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await this.collection.insertOne(user);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new DomainError('CONFLICT', `The username "${input.username}" is taken.`, {
          errors: [fieldIssue('INVALID_VALUE', '/username', 'This username is taken.')],
        });
      }
      throw error;
    }
    return user;
  }

  /** How many users exist (first-run detection). */
  count(): Promise<number> {
    return this.collection.countDocuments({}, { limit: 1 });
  }

  byId(id: string): Promise<UserDocument | null> {
    return this.collection.findOne({ _id: String(id) });
  }

  /** The user of a username, whatever its letter case: usernames are stored in lower case. */
  byUsername(username: string): Promise<UserDocument | null> {
    return this.collection.findOne({ username: String(username).toLowerCase() });
  }

  /** Users sorted by username. */
  list(): Promise<UserDocument[]> {
    return this.collection.find({}).sort({ username: 1 }).toArray();
  }

  /** Users in a group. */
  members(groupId: string): Promise<UserDocument[]> {
    return this.collection
      .find({ groups: String(groupId) })
      .sort({ username: 1 })
      .toArray();
  }

  /**
   * Before a user changes their own password: the current one must be right (VALIDATION_FAILED
   * at `/currentPassword` otherwise), so nothing is written on a wrong one.
   */
  async confirmPassword(id: string, currentPassword: string): Promise<void> {
    const user = await this.byId(id);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new DomainError('VALIDATION_FAILED', 'The current password is wrong.', {
        errors: [fieldIssue('INVALID_VALUE', '/currentPassword', 'The current password is wrong.')],
      });
    }
  }

  /**
   * Changes the given fields; NOT_FOUND for an unknown id, PRECONDITION_FAILED when
   * `expectedVersion` is given and is not the stored version. (On FerretDB the version check and
   * the write are not one atomic step; on MongoDB they are.)
   */
  async update(
    id: string,
    changes: Partial<Pick<UserDocument, 'displayName' | 'roles' | 'groups' | 'locale' | 'disabled'>> & {
      password?: string;
    },
    expectedVersion?: number,
  ): Promise<UserDocument> {
    // A version reaches the filter only as a whole number (never NaN, never an object).
    if (expectedVersion !== undefined && !Number.isSafeInteger(expectedVersion)) {
      throw new DomainError('PRECONDITION_FAILED', 'The expected version must be a whole number.');
    }
    const { password, ...fields } = changes;
    const set: Partial<UserDocument> = { ...fields, updatedAt: this.now() };
    if (fields.roles) set.roles = [...new Set(fields.roles)];
    if (fields.groups) set.groups = [...new Set(fields.groups)];
    if (password !== undefined) set.passwordHash = await hashPassword(password, this.scrypt);
    const filter = expectedVersion === undefined ? { _id: String(id) } : { _id: String(id), version: expectedVersion };
    const updated = await this.collection.findOneAndUpdate(
      filter,
      { $set: set, $inc: { version: 1 } },
      { returnDocument: 'after' },
    );
    if (updated) return updated;
    const current = await this.byId(id);
    if (!current) throw new DomainError('NOT_FOUND', `No user ${id}.`);
    throw new DomainError('PRECONDITION_FAILED', `The user is at version ${current.version}, not ${expectedVersion}.`);
  }
}
