import type { Collection, Db } from 'mongodb';
import { DomainError, fieldIssue, type LocalizedText } from '@clauseflow/common';
import { isDuplicateKey } from './user-store.ts';

/** A stored group. Membership lives on the users (`users.groups`), the one source of truth. */
export interface GroupDocument {
  _id: string;
  name: LocalizedText;
  createdAt: Date;
}

/** The `groups` collection; ids are chosen by the admin and unique through `_id`. */
export class GroupStore {
  readonly collection: Collection<GroupDocument>;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.collection = db.collection<GroupDocument>('groups');
  }

  async create(id: string, name: LocalizedText): Promise<GroupDocument> {
    const group: GroupDocument = { _id: id, name, createdAt: this.now() };
    try {
      await this.collection.insertOne(group);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new DomainError('CONFLICT', `The group "${id}" exists already.`, {
          errors: [fieldIssue('INVALID_VALUE', '/id', 'A group with this id exists already.')],
        });
      }
      throw error;
    }
    return group;
  }

  byId(id: string): Promise<GroupDocument | null> {
    return this.collection.findOne({ _id: String(id) });
  }

  list(): Promise<GroupDocument[]> {
    return this.collection.find({}).sort({ _id: 1 }).toArray();
  }

  /** The ids among `ids` that are not groups. */
  async unknown(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.collection.find({ _id: { $in: ids.map(String) } }, { projection: { _id: 1 } }).toArray();
    const known = new Set(found.map((group) => group._id));
    return ids.filter((id) => !known.has(id));
  }
}
