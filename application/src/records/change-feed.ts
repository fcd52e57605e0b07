import type { Collection } from 'mongodb';
import type { InstanceDocument } from '@clauseflow/runtime';

/** The fields of a projection a change carries (what a queue needs to refresh a row). */
export type ChangedRecord = Pick<
  InstanceDocument,
  | '_id'
  | 'processKey'
  | 'processVersion'
  | 'state'
  | 'status'
  | 'title'
  | 'assignee'
  | 'requester'
  | 'breachAt'
  | 'seq'
  | 'createdAt'
  | 'updatedAt'
>;

const FIELDS = {
  processKey: 1,
  processVersion: 1,
  state: 1,
  status: 1,
  title: 1,
  assignee: 1,
  requester: 1,
  breachAt: 1,
  seq: 1,
  createdAt: 1,
  updatedAt: 1,
} as const;

/** The most changes one poll reads. */
const POLL_LIMIT = 1000;

/** The SSE event id of a change: its time, seq and record id. */
export function changeId(change: ChangedRecord): string {
  return `${new Date(change.updatedAt).getTime()}:${change.seq}:${change._id}`;
}

/** The time and record of a `Last-Event-ID`, or null when it is not one of ours. */
export function parseChangeId(id: string | undefined): { at: number; seq: number; recordId: string } | null {
  const match = id ? /^(\d{1,15}):(\d{1,10}):(i_[0-9a-f-]{1,200})$/.exec(id) : null;
  return match ? { at: Number(match[1]), seq: Number(match[2]), recordId: match[3]! } : null;
}

/**
 * Changes to records, read by polling the `instances` projection by `updatedAt` (FerretDB has
 * no change streams, and several server processes share one database). Each poll reads again a
 * window of `lookbackMs` before its cursor, so a change another process wrote a little late (or
 * with a clock slightly behind) is still seen; what was delivered already (record id and seq) is
 * remembered and not sent twice.
 */
export class ChangeCursor {
  private cursor: number;
  private readonly delivered = new Map<string, { seq: number; at: number }>();

  constructor(
    private readonly collection: Collection<InstanceDocument>,
    start: number,
    private readonly lookbackMs: number,
  ) {
    this.cursor = start;
  }

  /** Reads changes since the cursor without reporting them (a fresh stream starts from now). */
  async prime(): Promise<void> {
    await this.poll();
  }

  /** Marks a record's seq as delivered (the one a resumed stream's `Last-Event-ID` names). */
  skip(recordId: string, seq: number, at: number): void {
    this.delivered.set(recordId, { seq, at });
  }

  /** The changes since the last poll, oldest first. */
  async poll(): Promise<ChangedRecord[]> {
    const since = new Date(this.cursor - this.lookbackMs);
    const docs = (await this.collection
      .find({ updatedAt: { $gte: since } }, { projection: FIELDS })
      .sort({ updatedAt: 1, _id: 1 })
      .limit(POLL_LIMIT)
      .toArray()) as ChangedRecord[];
    const fresh: ChangedRecord[] = [];
    for (const doc of docs) {
      const at = new Date(doc.updatedAt).getTime();
      if (at > this.cursor) this.cursor = at;
      const seen = this.delivered.get(doc._id);
      if (seen && seen.seq >= doc.seq) continue;
      this.delivered.set(doc._id, { seq: doc.seq, at });
      fresh.push(doc);
    }
    // Forget what has left the window (it cannot come back in a poll).
    const horizon = this.cursor - this.lookbackMs;
    for (const [id, entry] of this.delivered) if (entry.at < horizon) this.delivered.delete(id);
    return fresh;
  }
}
