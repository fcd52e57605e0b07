import { recordReferenceFields, type CompiledProcess, type RecordReferenceField } from '@clauseflow/definition';
import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from '../accounts/user-store.ts';
import { DomainError, fieldIssue, pointerToken, type FieldIssue } from '@clauseflow/common';
import type { ProcessDocument, ProcessStore } from '../processes/process-store.ts';
import { maySee, visibleRecordsFilter, type Caller } from './record-policy.ts';
import { escapeRegex } from './record-query.ts';
import type { InstanceDocument, InstanceEngine } from '@clauseflow/runtime';

/** The shape of a record id (as the routes' `RecordIdSchema`); anything else is never looked up. */
const RECORD_ID = /^i_[0-9a-f]{24}(?:-[0-9]+-[0-9]+)*$/;

/** How many index entries one referenced-by answer reads at most before filtering. */
const REFERENCED_BY_SCAN = 1000;

/**
 * One entry of the `record_refs` index: record `from` names record `to` in field `field`. The id
 * is `from|field|to`, so writing the same reference again (a retry, a replay) is a duplicate-key
 * no-op and never a second entry.
 */
export interface RecordRefDocument {
  _id: string;
  from: string;
  fromProcess: string;
  field: string;
  to: string;
  toProcess: string;
  at: Date;
}

/** A referenced record as a record view shows it: its title and state only when the caller may see it. */
export type ReferenceView =
  { id: string; visible: true; processKey: string; title: string; state: string } | { id: string; visible: false };

/** A record found by a lookup. */
export interface LookupItem {
  id: string;
  title: string;
  state: string;
}

/** A record that references another, through `field`. */
export interface ReferencingRecord {
  id: string;
  processKey: string;
  field: string;
  title: string;
  state: string;
}

/** One reference value in record data, with the JSON Pointer of the value. */
interface ReferenceValue {
  ref: RecordReferenceField;
  id: string;
  path: string;
}

/** What the references need of the record service (the engine exists once the service is opened). */
export interface ReferenceHost {
  readonly engine: InstanceEngine;
  readonly processes: ProcessStore;
}

/**
 * The record ids data holds in the definition's record-reference fields: a non-empty string in a
 * single field, the strings of a list in a `many` field. Values of another shape are the form's
 * to refuse (400), not a reference to check.
 */
export function referenceValues(compiled: CompiledProcess, data: Record<string, unknown>): ReferenceValue[] {
  const values: ReferenceValue[] = [];
  for (const ref of recordReferenceFields(compiled.definition.record.schema)) {
    if (!Object.hasOwn(data, ref.field)) continue;
    const value = data[ref.field];
    const base = `/${pointerToken(ref.field)}`;
    if (!ref.many && typeof value === 'string' && value !== '') values.push({ ref, id: value, path: base });
    else if (ref.many && Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item === 'string') values.push({ ref, id: item, path: `${base}/${index}` });
      });
    }
  }
  return values;
}

/** Does a field's value (one id or a list of them) name `id`? */
function names(value: unknown, id: string): boolean {
  return value === id || (Array.isArray(value) && value.includes(id));
}

/**
 * Record-reference fields at run time: the check that every referenced id is a record of the
 * named process the acting user may see, their resolution for a record view, the lookup that
 * finds records to reference, and the `record_refs` index behind "referenced by".
 *
 * The index is written before an event (the payload's references), after every event the
 * engine applies (the record's current references — through the engine's `onProjected`, so
 * timers, linked records and automation are covered, not only API writes) and after a replayed
 * request (which may follow a crash before that); entries are inserted only, keyed `from|field|to`. It may hold entries a failed request or a later change
 * left behind, so every answer is checked against the referencing record's projection: an entry
 * counts only while that record's data still names the target.
 */
export class RecordReferences {
  readonly collection: Collection<RecordRefDocument>;

  constructor(
    db: Db,
    private readonly host: ReferenceHost,
    /** Where failures it survives are reported (the application's logger). */
    private readonly log: (message: string, error: unknown) => void,
  ) {
    this.collection = db.collection<RecordRefDocument>('record_refs');
  }

  async init(): Promise<void> {
    await this.collection.createIndex({ to: 1, from: 1 }, { name: 'to_from' });
  }

  /**
   * Throws RECORD_REFERENCE_INVALID (422) unless every id in the data's reference fields names a
   * record of the field's process that the caller may see. A missing record, one of another
   * process and one the caller may not see are refused alike, so ids cannot be probed.
   */
  async assertValid(user: Caller, compiled: CompiledProcess, data: Record<string, unknown>): Promise<void> {
    const values = referenceValues(compiled, data);
    if (values.length === 0) return;
    const found = await this.records(
      values.map((v) => v.id),
      true,
    );
    const settings = this.settingsCache();
    const errors: FieldIssue[] = [];
    for (const value of values) {
      const record = found.get(value.id);
      const ok =
        record !== undefined &&
        record.processKey === value.ref.process &&
        maySee(user, record, await settings(record.processKey));
      if (!ok) {
        errors.push({
          ...fieldIssue(
            'INVALID_VALUE',
            `/data${value.path}`,
            `No record of process ${value.ref.process} you may see has id ${value.id}.`,
            'body',
          ),
          issue: 'RECORD_REFERENCE_INVALID',
        });
      }
    }
    if (errors.length > 0) {
      throw new DomainError(
        'RECORD_REFERENCE_INVALID',
        `${errors.length} record reference(s) name no record you may see: ${errors.map((e) => e.path).join(', ')}.`,
        { errors },
      );
    }
  }

  /** Adds the data's references of record `from` to the index (idempotent: the ids are deterministic). */
  async index(from: string, compiled: CompiledProcess, data: Record<string, unknown>, at: Date): Promise<void> {
    const fromProcess = compiled.definition.key;
    const docs: RecordRefDocument[] = referenceValues(compiled, data)
      .filter(({ id }) => RECORD_ID.test(id))
      .map(({ ref, id }) => ({
        _id: `${from}|${ref.field}|${id}`,
        from,
        fromProcess,
        field: ref.field,
        to: id,
        toProcess: ref.process,
        at,
      }));
    if (docs.length === 0) return;
    try {
      // One round trip; entries indexed before refuse themselves, which is fine.
      await this.collection.insertMany(docs, { ordered: false });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /**
   * Like {@link index}, after the change is recorded: a failure is logged, not answered, since
   * the event stands (the record's next write, or the replay of its idempotency key, indexes it).
   */
  async indexAfterWrite(
    from: string,
    compiled: CompiledProcess,
    data: Record<string, unknown>,
    at: Date,
  ): Promise<void> {
    try {
      await this.index(from, compiled, data, at);
    } catch (error) {
      this.log(`references of ${from} not indexed`, error);
    }
  }

  /**
   * The data's reference fields resolved for the caller: `{ id, visible: true, title, state }`
   * for a record of the field's process they may see, else `{ id, visible: false }` (never its
   * title). A list field resolves to a list.
   */
  async resolve(
    user: Caller,
    compiled: CompiledProcess,
    data: Record<string, unknown>,
  ): Promise<Record<string, ReferenceView | ReferenceView[]>> {
    const values = referenceValues(compiled, data);
    const found = await this.records(values.map((v) => v.id));
    const settings = this.settingsCache();
    const view = async (ref: RecordReferenceField, id: string): Promise<ReferenceView> => {
      const record = found.get(id);
      if (!record || record.processKey !== ref.process || !maySee(user, record, await settings(record.processKey))) {
        return { id, visible: false };
      }
      return { id, visible: true, processKey: record.processKey, title: record.title, state: record.state };
    };
    const resolved: Record<string, ReferenceView | ReferenceView[]> = {};
    for (const ref of recordReferenceFields(compiled.definition.record.schema)) {
      const ids = values.filter((v) => v.ref.field === ref.field).map((v) => v.id);
      if (ref.many) resolved[ref.field] = await Promise.all(ids.map((id) => view(ref, id)));
      else if (ids[0] !== undefined) resolved[ref.field] = await view(ref, ids[0]);
    }
    return resolved;
  }

  /** The records the caller may see whose reference fields name record `id`, most recently changed first. */
  async referencedBy(user: Caller, id: string, limit: number): Promise<ReferencingRecord[]> {
    const entries = await this.collection.find({ to: id }).sort({ from: 1 }).limit(REFERENCED_BY_SCAN).toArray();
    const found = await this.records(entries.map((entry) => entry.from));
    const settings = this.settingsCache();
    const items: (ReferencingRecord & { updatedAt: number })[] = [];
    for (const entry of entries) {
      const record = found.get(entry.from);
      // The index may be ahead of (a failed request) or behind (a later change) the record: the projection decides.
      if (!record || !names(record.data[entry.field], id)) continue;
      if (!maySee(user, record, await settings(record.processKey))) continue;
      items.push({
        id: record._id,
        processKey: record.processKey,
        field: entry.field,
        title: record.title,
        state: record.state,
        updatedAt: new Date(record.updatedAt).getTime(),
      });
    }
    items.sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id) || a.field.localeCompare(b.field));
    return items.slice(0, limit).map(({ updatedAt: _updatedAt, ...item }) => item);
  }

  /**
   * Records of `processKey` the caller may see whose title contains `q` (case-insensitive, taken
   * literally: it is escaped before it becomes a regular expression), most recently changed first.
   */
  async lookup(user: Caller, processKey: string, q: string | undefined, limit: number): Promise<LookupItem[]> {
    if (q !== undefined && typeof q !== 'string') throw new DomainError('BAD_REQUEST', 'q must be a string.');
    const admin = user.roles.includes('admin');
    const visible = visibleRecordsFilter(user, admin ? [] : await this.host.processes.list());
    const clauses: Record<string, unknown>[] = [{ processKey }];
    if (visible) clauses.push(visible);
    if (q) clauses.push({ title: { $regex: escapeRegex(q), $options: 'i' } });
    const docs = await this.host.engine.projections.collection
      .find({ $and: clauses }, { projection: { _id: 1, title: 1, state: 1 } })
      .sort({ updatedAt: -1, _id: -1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => ({ id: doc._id, title: doc.title, state: doc.state }));
  }

  /**
   * Projections by id. With `repair`, an id with none yet (a crash before its first projection)
   * is loaded, and so repaired, from the log.
   */
  private async records(ids: readonly string[], repair = false): Promise<Map<string, InstanceDocument>> {
    const wanted = [...new Set(ids.filter((id) => RECORD_ID.test(id)))];
    const found = new Map<string, InstanceDocument>();
    if (wanted.length === 0) return found;
    const docs = await this.host.engine.projections.collection.find({ _id: { $in: wanted } }).toArray();
    for (const doc of docs) found.set(doc._id, doc);
    for (const id of repair ? wanted : []) {
      if (found.has(id)) continue;
      const repaired = await this.host.engine.instance(id);
      if (repaired) found.set(id, repaired);
    }
    return found;
  }

  /** Process settings by key, read once per answer. */
  private settingsCache(): (key: string) => Promise<ProcessDocument | null> {
    const cache = new Map<string, Promise<ProcessDocument | null>>();
    return (key) => {
      let hit = cache.get(key);
      if (!hit) {
        hit = this.host.processes.byKey(key);
        cache.set(key, hit);
      }
      return hit;
    };
  }
}
