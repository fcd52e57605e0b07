import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { detectDatabaseKind, isDuplicateKeyError } from './database-kind.ts';
import { InsertBatcher } from './insert-batcher.ts';
import { checkHead, checkNewEvent, MAX_SEQ, SEQ_DIGITS } from './event-log-checks.ts';
import { assertIdString, type JsonObject } from './storable-json.ts';

/** The collection holding every instance's events. */
export const EVENTS_COLLECTION = 'events';

/**
 * One recorded event, exactly as stored. `hash` is the SHA-256 of the canonical JSON of every
 * other field (see {@link eventHash}), and `prevHash` is the previous event's `hash` (null for
 * seq 1), so altering, removing or reordering any event breaks the chain from there on.
 */
export interface StoredEvent {
  /** `${instanceId}:${seq zero-padded to 10 digits}`. */
  _id: string;
  instanceId: string;
  /** 1, 2, 3, … without gaps. */
  seq: number;
  type: string;
  /** Who caused it: a stable id such as `user:alice` or `system:timer`. */
  actor: string;
  /** When it happened, by the injected clock. */
  at: Date;
  /** Unique per instance; generated (`auto:<uuid>`) when the caller gave none. */
  idempotencyKey: string;
  /** Any JSON object without `$`-prefixed or dotted keys. */
  body: JsonObject;
  prevHash: string | null;
  hash: string;
}

/**
 * An event as the collection holds it: the body as JSON text. Nothing queries inside a body,
 * and FerretDB writes one string several times faster than the same nested document. The hash
 * is still taken over the canonical form. Read events through {@link decodeEvent}.
 */
export interface EventDocument extends Omit<StoredEvent, 'body'> {
  /** The body as JSON text, keys in the order written (a document in logs written before bodies were text). */
  body: string | JsonObject;
}

/** The event a stored document holds, with its body parsed. */
export function decodeEvent(doc: EventDocument): StoredEvent {
  return typeof doc.body === 'string' ? { ...doc, body: JSON.parse(doc.body) as JsonObject } : (doc as StoredEvent);
}

/** What a caller appends; the log adds `_id`, `seq` and the hashes. */
export interface NewEvent {
  instanceId: string;
  type: string;
  actor: string;
  at: Date;
  body?: JsonObject;
  /** Give one for anything that may be retried (a request, a timer firing, an effect). */
  idempotencyKey?: string;
}

/**
 * The last event of a log as a writer saw it: the next event is appended after it. An empty
 * log has head `{ seq: 0, hash: null }`. Obtain heads from the log (`head`, `read`, `append`)
 * or rebuild one with {@link headOf} from an event or a projection that recorded seq and hash.
 */
export interface LogHead {
  readonly instanceId: string;
  readonly seq: number;
  readonly hash: string | null;
}

/** The outcome of an append. Only `appended` changed anything. */
export type AppendResult =
  | { status: 'appended'; event: StoredEvent; head: LogHead }
  /** The idempotency key was already recorded: this is the recorded event; nothing changed. */
  | { status: 'duplicate'; code: 'DUPLICATE'; event: StoredEvent }
  /**
   * Another writer took the sequence number. `observed` is the head as far as this append saw
   * it (the event that took the number); reload from there and retry, or answer CONFLICT.
   */
  | { status: 'conflict'; code: 'CONFLICT'; seq: number; observed: LogHead | null };

/** Options of one append. */
export interface AppendOptions {
  /**
   * On a conflict with a caller-given idempotency key, look the key up before answering
   * `conflict`, in case a stale head hid an earlier recording of it (default true). A retry loop
   * may pass false: its next attempt finds the key anyway. On FerretDB the lookup scans the
   * collection, on MongoDB it uses the unique index.
   */
  checkKeyOnConflict?: boolean;
}

/** Why a chain does not verify. */
export type ChainBreak = 'SEQ_GAP' | 'ID_MISMATCH' | 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH' | 'UNREADABLE';

/** The outcome of {@link EventLog.verify}. */
export type VerifyResult =
  | { ok: true; length: number; headHash: string | null }
  | { ok: false; code: 'CHAIN_BROKEN'; brokenAt: number; reason: ChainBreak; message: string };

/** How the log reads: indexed queries (MongoDB) or `_id` lookups (FerretDB); both correct. */
export type ReadStrategy = 'auto' | 'query' | 'probe';

export interface EventLogOptions {
  collection?: string;
  readStrategy?: ReadStrategy;
  /** `_id` lookups a read on FerretDB tries before it queries for the rest (default 16). */
  probeWindow?: number;
  /**
   * Heads remembered per instance (default 10,000; 0 turns it off). A remembered head is only a
   * starting point: `head()` checks it still stands in the log before searching on from it.
   */
  headCacheSize?: number;
}

/** The `_id` of event `seq` of an instance. */
export function eventId(instanceId: string, seq: number): string {
  return `${instanceId}:${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

/** The head a stored event (or a projection that recorded its seq and hash) stands for. */
export function headOf(event: Pick<StoredEvent, 'instanceId' | 'seq' | 'hash'>): LogHead {
  return { instanceId: event.instanceId, seq: event.seq, hash: event.hash };
}

/** The head of a log with no events. */
export function emptyHead(instanceId: string): LogHead {
  return { instanceId, seq: 0, hash: null };
}

/** SHA-256 over the canonical JSON of an event without its `hash` field. */
export function eventHash(event: Omit<StoredEvent, 'hash'> | Record<string, unknown>): string {
  const { hash: _ignored, ...rest } = event as Record<string, unknown>;
  return sha256Hex(canonicalJson(rest));
}

/**
 * The append-only, hash-chained event log of every instance, in one collection. Correctness
 * relies only on single-document inserts and unique indexes (`_id` and `{instanceId,
 * idempotencyKey}`), so it holds on FerretDB and on a MongoDB replica set alike.
 */
export class EventLog {
  readonly collection: Collection<EventDocument>;
  /** Appends from concurrent writers go to the server together (group commit). */
  readonly #inserts: InsertBatcher<EventDocument>;
  readonly #db: Db;
  readonly #strategy: ReadStrategy;
  readonly #probeWindow: number;
  readonly #heads = new Map<string, LogHead>();
  readonly #headCacheSize: number;

  private constructor(db: Db, options: EventLogOptions) {
    this.#db = db;
    this.collection = db.collection<EventDocument>(options.collection ?? EVENTS_COLLECTION);
    this.#inserts = new InsertBatcher(this.collection);
    this.#strategy = options.readStrategy ?? 'auto';
    this.#probeWindow = options.probeWindow ?? 16;
    this.#headCacheSize = options.headCacheSize ?? 10_000;
  }

  /** Remembers the furthest head seen of an instance (least recently seen instances are dropped first). */
  #remember(head: LogHead): void {
    if (this.#headCacheSize <= 0) return;
    const known = this.#heads.get(head.instanceId);
    if (known && known.seq > head.seq) return;
    this.#heads.delete(head.instanceId);
    this.#heads.set(head.instanceId, head);
    if (this.#heads.size > this.#headCacheSize) {
      const oldest = this.#heads.keys().next();
      if (!oldest.done) this.#heads.delete(oldest.value);
    }
  }

  /** Opens the log and makes sure its indexes exist. */
  static async open(db: Db, options: EventLogOptions = {}): Promise<EventLog> {
    const log = new EventLog(db, options);
    await log.ensureIndexes();
    return log;
  }

  /** Creates the unique indexes the log's correctness rests on (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex(
      { instanceId: 1, idempotencyKey: 1 },
      { unique: true, name: 'instance_idempotency_key' },
    );
    await this.collection.createIndex({ instanceId: 1, seq: 1 }, { unique: true, name: 'instance_seq' });
  }

  async #useProbes(): Promise<boolean> {
    if (this.#strategy === 'auto') return (await detectDatabaseKind(this.#db)) === 'ferretdb';
    return this.#strategy === 'probe';
  }

  /**
   * Appends `input` as the event after `after`. Exactly one of any number of concurrent writers
   * appending after the same head wins; the others get `conflict`. A recorded idempotency key
   * gives `duplicate` with the recorded event, whatever the head.
   */
  async append(input: NewEvent, after: LogHead, options: AppendOptions = {}): Promise<AppendResult> {
    checkNewEvent(input);
    checkHead(after, input.instanceId);
    const callerKey = input.idempotencyKey !== undefined;
    const seq = after.seq + 1;
    const unhashed: Omit<StoredEvent, 'hash' | 'body'> = {
      _id: eventId(input.instanceId, seq),
      instanceId: input.instanceId,
      seq,
      type: input.type,
      actor: input.actor,
      at: new Date(input.at.getTime()),
      idempotencyKey: input.idempotencyKey ?? `auto:${randomUUID()}`,
      prevHash: after.hash,
    };
    const body = input.body ?? {};
    const event: StoredEvent = { ...unhashed, body, hash: eventHash({ ...unhashed, body }) };
    try {
      // Stored in the order written (not sorted), so a replay answers with the same bytes.
      await this.#inserts.insert({ ...unhashed, body: JSON.stringify(body), hash: event.hash });
      this.#remember(headOf(event));
      return { status: 'appended', event, head: headOf(event) };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    // E11000 does not say which index refused the insert (FerretDB names none): look.
    const taken = await this.get(input.instanceId, seq);
    if (taken && taken.idempotencyKey === event.idempotencyKey)
      return { status: 'duplicate', code: 'DUPLICATE', event: taken };
    // A generated key is fresh, so only a caller's key can have been recorded before.
    if (callerKey && (taken === null || options.checkKeyOnConflict !== false)) {
      const recorded = await this.findByIdempotencyKey(input.instanceId, event.idempotencyKey);
      if (recorded) return { status: 'duplicate', code: 'DUPLICATE', event: recorded };
    }
    if (taken) this.#remember(headOf(taken));
    return { status: 'conflict', code: 'CONFLICT', seq, observed: taken ? headOf(taken) : null };
  }

  /** The event recorded under an idempotency key, or null. */
  async findByIdempotencyKey(instanceId: string, idempotencyKey: string): Promise<StoredEvent | null> {
    assertIdString(instanceId, 'instanceId', 200);
    assertIdString(idempotencyKey, 'idempotencyKey', 512);
    const doc = await this.collection.findOne({ instanceId, idempotencyKey });
    return doc ? decodeEvent(doc) : null;
  }

  /** Event `seq` of an instance, or null. */
  async get(instanceId: string, seq: number): Promise<StoredEvent | null> {
    assertIdString(instanceId, 'instanceId', 200);
    if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) return null;
    const doc = await this.collection.findOne({ _id: eventId(instanceId, seq) });
    return doc ? decodeEvent(doc) : null;
  }

  /**
   * The current head. With a `from` head known to be in the log (for example one a conflict
   * observed, or a projection's), only the events after it are looked at. On FerretDB this is a
   * galloping search over `_id` lookups, starting from the furthest of `from` and the head this
   * log object last saw of the instance (once it is checked to be still in the log).
   */
  async head(instanceId: string, from?: LogHead): Promise<LogHead> {
    assertIdString(instanceId, 'instanceId', 200);
    let start = from ?? emptyHead(instanceId);
    checkHead(start, instanceId);
    if (!(await this.#useProbes())) {
      const [last] = await this.collection.find({ instanceId }).sort({ seq: -1 }).limit(1).toArray();
      const found = last && last.seq >= start.seq ? headOf(last) : start;
      if (found.seq > 0) this.#remember(found);
      return found;
    }
    const remembered = this.#heads.get(instanceId);
    if (remembered && remembered.seq > start.seq) {
      // Only a head still in the log is a safe starting point (a database may have been reset).
      const event = await this.get(instanceId, remembered.seq);
      if (event && event.hash === remembered.hash) start = remembered;
      else this.#heads.delete(instanceId);
    }
    const found = await this.#gallop(instanceId, start);
    if (found.seq > 0) this.#remember(found);
    return found;
  }

  /** Galloping search over `_id` lookups from a head known to be in the log: seqs are contiguous, so the head is the last hit. */
  async #gallop(instanceId: string, start: LogHead): Promise<LogHead> {
    let known: LogHead = start;
    let step = 1;
    let missing: number | null = null;
    while (missing === null) {
      const probe = known.seq + step;
      const event = probe <= MAX_SEQ ? await this.get(instanceId, probe) : null;
      if (event) {
        known = headOf(event);
        step *= 2;
      } else {
        missing = probe;
      }
    }
    let low = known.seq + 1;
    let high = missing - 1;
    while (low <= high) {
      const mid = Math.floor((low + high) / 2);
      const event = await this.get(instanceId, mid);
      if (event) {
        known = headOf(event);
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return known;
  }

  /** The events of an instance in seq order, from `fromSeq` (default 1) on. */
  async read(instanceId: string, options: { fromSeq?: number } = {}): Promise<StoredEvent[]> {
    assertIdString(instanceId, 'instanceId', 200);
    const fromSeq = Math.max(1, Math.floor(options.fromSeq ?? 1));
    if (!(await this.#useProbes())) return this.#readByQuery(instanceId, fromSeq);
    // A short tail (the usual case: a projection a few events behind) costs a few `_id`
    // lookups; a longer one is cheaper as one query, even though FerretDB scans for it.
    const window = await Promise.all(
      Array.from({ length: this.#probeWindow }, (_, i) => this.get(instanceId, fromSeq + i)),
    );
    const events: StoredEvent[] = [];
    for (const event of window) {
      if (!event) return events;
      events.push(event);
    }
    return [...events, ...(await this.#readByQuery(instanceId, fromSeq + this.#probeWindow))];
  }

  async #readByQuery(instanceId: string, fromSeq: number): Promise<StoredEvent[]> {
    return (await this.#readDocuments(instanceId, fromSeq)).map(decodeEvent);
  }

  async #readDocuments(instanceId: string, fromSeq: number): Promise<EventDocument[]> {
    const filter = fromSeq > 1 ? { instanceId, seq: { $gte: fromSeq } } : { instanceId };
    const events = await this.collection.find(filter).sort({ seq: 1 }).toArray();
    return events.sort((a, b) => a.seq - b.seq);
  }

  /**
   * Recomputes the hash chain of an instance from its first event and reports the first broken
   * link. Reads by query, never by `_id` probing, so a removed event shows up as a gap.
   * A removed tail cannot show here; compare `headHash` with the head a projection recorded.
   */
  async verify(instanceId: string): Promise<VerifyResult> {
    const events = await this.#readDocuments(instanceId, 1);
    let prevHash: string | null = null;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      const seq = i + 1;
      const broken = (reason: ChainBreak, message: string): VerifyResult => ({
        ok: false,
        code: 'CHAIN_BROKEN',
        brokenAt: seq,
        reason,
        message,
      });
      if (event.seq !== seq) return broken('SEQ_GAP', `expected seq ${seq}, found ${String(event.seq)}`);
      if (event._id !== eventId(instanceId, seq) || event.instanceId !== instanceId) {
        return broken('ID_MISMATCH', `event ${seq} is stored as ${String(event._id)}`);
      }
      if (event.prevHash !== prevHash) {
        return broken('PREV_HASH_MISMATCH', `event ${seq} does not link to the hash of event ${seq - 1}`);
      }
      let recomputed: string;
      try {
        recomputed = eventHash(decodeEvent(event));
      } catch (error) {
        return broken('UNREADABLE', `event ${seq} holds a value canonical JSON cannot express: ${String(error)}`);
      }
      if (recomputed !== event.hash) return broken('HASH_MISMATCH', `event ${seq} was altered after it was recorded`);
      prevHash = event.hash;
    }
    return { ok: true, length: events.length, headHash: prevHash };
  }
}
