import { createHash } from 'node:crypto';
import type { Collection, Db, Filter } from 'mongodb';
import { isDuplicateKey } from '../accounts/user-store.ts';
import {
  documentStatus,
  versionId,
  type DocumentApproval,
  type DocumentContent,
  type DocumentHeader,
  type DocumentSource,
  type DocumentVersion,
} from './document-model.ts';

/** What a new version carries. */
export interface NewVersion {
  content: DocumentContent;
  changeSummary: string;
  source: DocumentSource | null;
}

/** Outcome of adding a version. */
export type AddVersionOutcome = { ok: true; version: DocumentVersion } | { ok: false; latest: number };

/** Outcome of approving a version. */
export type ApproveOutcome = { ok: true; approval: DocumentApproval } | { ok: false; reason: 'approved-already' };

/** A header with its status and current version derived from the approvals (never from the cache). */
export interface DerivedHeader {
  header: DocumentHeader;
  current: number | null;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The document register in MongoDB, correct without transactions: headers, versions and
 * approvals are separate documents; versions and approvals are insert-only with `_id`
 * `<docId>:<n>`, so two writers taking the same number collide on the unique index. The current
 * version is the highest approved one, so one insert makes a version current and supersedes the
 * previous one: no crash can leave two current versions. The header's `status`/`currentVersion`
 * cache is written after and repaired on read.
 */
export class DocumentStore {
  readonly headers: Collection<DocumentHeader>;
  readonly versions: Collection<DocumentVersion>;
  readonly approvals: Collection<DocumentApproval>;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.headers = db.collection<DocumentHeader>('documents');
    this.versions = db.collection<DocumentVersion>('document_versions');
    this.approvals = db.collection<DocumentApproval>('document_approvals');
  }

  /** Creates the indexes the queries need (idempotent). */
  async init(): Promise<void> {
    await this.versions.createIndex({ docId: 1, n: -1 }, { name: 'doc_n' });
    await this.approvals.createIndex({ docId: 1, n: -1 }, { name: 'doc_n' });
    await this.headers.createIndex({ status: 1, _id: 1 }, { name: 'status_id' });
    await this.headers.createIndex({ ownerGroup: 1, _id: 1 }, { name: 'owner_group_id' });
  }

  /** Registers a document; false when the id is taken. */
  async create(
    header: Omit<DocumentHeader, 'status' | 'currentVersion' | 'withdrawn' | 'createdAt'>,
  ): Promise<DocumentHeader | null> {
    const doc: DocumentHeader = {
      ...header,
      createdAt: this.now(),
      withdrawn: null,
      status: 'draft',
      currentVersion: null,
    };
    try {
      await this.headers.insertOne(doc);
      return doc;
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }

  byId(id: string): Promise<DocumentHeader | null> {
    return this.headers.findOne({ _id: String(id) });
  }

  /** The header with its current version derived from the approvals; repairs a lagging cache. */
  async derived(id: string): Promise<DerivedHeader | null> {
    const header = await this.byId(id);
    if (!header) return null;
    const [derived] = await this.derive([header]);
    return derived ?? null;
  }

  /** Derives the current version of each header with one query, and repairs lagging caches. */
  async derive(headers: readonly DocumentHeader[]): Promise<DerivedHeader[]> {
    if (headers.length === 0) return [];
    const approvals = await this.approvals
      .find({ docId: { $in: headers.map((h) => h._id) } }, { projection: { docId: 1, n: 1 } })
      .toArray();
    const current = new Map<string, number>();
    for (const approval of approvals) {
      current.set(approval.docId, Math.max(current.get(approval.docId) ?? 0, approval.n));
    }
    const out: DerivedHeader[] = [];
    for (const header of headers) {
      const n = current.get(header._id) ?? null;
      const status = documentStatus(header.withdrawn, n);
      if (header.currentVersion !== n || header.status !== status) {
        // Conditioned on the withdrawal read, so a repair never undoes a concurrent withdrawal's status.
        const filter: Filter<DocumentHeader> = header.withdrawn
          ? { _id: header._id }
          : { _id: header._id, withdrawn: null };
        await this.headers.updateOne(filter, { $set: { currentVersion: n, status } });
      }
      out.push({ header: { ...header, currentVersion: n, status }, current: n });
    }
    return out;
  }

  /** One page of headers matching `filter`, after the id `after`, by id. */
  async page(filter: Filter<DocumentHeader>, limit: number, after?: string): Promise<DocumentHeader[]> {
    const query: Filter<DocumentHeader> = after === undefined ? filter : { $and: [filter, { _id: { $gt: after } }] };
    return this.headers.find(query).sort({ _id: 1 }).limit(limit).toArray();
  }

  /** The newest version number (0 when none). */
  async latestNumber(docId: string): Promise<number> {
    return (await this.versions.findOne({ docId }, { sort: { n: -1 }, projection: { n: 1 } }))?.n ?? 0;
  }

  version(docId: string, n: number): Promise<DocumentVersion | null> {
    return this.versions.findOne({ _id: versionId(docId, n) });
  }

  /** Every version, oldest first. */
  allVersions(docId: string): Promise<DocumentVersion[]> {
    return this.versions.find({ docId }).sort({ n: 1 }).toArray();
  }

  /** Every approval, oldest first. */
  allApprovals(docId: string): Promise<DocumentApproval[]> {
    return this.approvals.find({ docId }).sort({ n: 1 }).toArray();
  }

  approval(docId: string, n: number): Promise<DocumentApproval | null> {
    return this.approvals.findOne({ _id: versionId(docId, n) });
  }

  /**
   * Adds the next version. Concurrent writers collide on `<docId>:<n>` and the loser takes the
   * next number; with `expectedLatest` the add succeeds only on top of that version.
   */
  async addVersion(
    docId: string,
    input: NewVersion,
    author: string,
    expectedLatest?: number,
  ): Promise<AddVersionOutcome> {
    const contentSha256 =
      input.content.kind === 'markdown' ? sha256(input.content.text) : (input.content.sha256 ?? null);
    for (;;) {
      const latest = await this.latestNumber(docId);
      if (expectedLatest !== undefined && expectedLatest !== latest) return { ok: false, latest };
      const n = latest + 1;
      const version: DocumentVersion = {
        _id: versionId(docId, n),
        docId,
        n,
        content: input.content,
        contentSha256,
        changeSummary: input.changeSummary,
        source: input.source,
        author,
        createdAt: this.now(),
      };
      try {
        await this.versions.insertOne(version);
        return { ok: true, version };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if (expectedLatest !== undefined) return { ok: false, latest: n };
      }
    }
  }

  /**
   * Records the approval of version `n`: one insert, which makes it current (the highest
   * approved version) and supersedes the previous current one. Refused when it was approved before.
   */
  async recordApproval(docId: string, n: number, by: string): Promise<ApproveOutcome> {
    const approval: DocumentApproval = { _id: versionId(docId, n), docId, n, approvedBy: by, approvedAt: this.now() };
    try {
      await this.approvals.insertOne(approval);
    } catch (error) {
      if (isDuplicateKey(error)) return { ok: false, reason: 'approved-already' };
      throw error;
    }
    return { ok: true, approval };
  }

  /** Approves version `n` and then refreshes the header's cache (a crash in between is repaired on read). */
  async approve(docId: string, n: number, by: string): Promise<ApproveOutcome> {
    const outcome = await this.recordApproval(docId, n, by);
    if (outcome.ok) await this.derived(docId);
    return outcome;
  }

  /** Marks the document withdrawn (kept with its history, never deleted); a second withdrawal changes nothing. */
  async withdraw(header: DocumentHeader, by: string, reason: string): Promise<void> {
    if (header.withdrawn) return;
    const withdrawn = { at: this.now(), by, reason };
    await this.headers.updateOne(
      { _id: header._id, withdrawn: null },
      { $set: { withdrawn, status: 'withdrawn' as const } },
    );
  }
}
