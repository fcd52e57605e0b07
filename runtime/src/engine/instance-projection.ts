import type { Collection, Db, FindCursor } from 'mongodb';
import type { CompiledProcess, InstanceState } from '@clauseflow/definition';
import { calendarOf } from './instance-time.ts';
import { slaView, type SlaClockRecord, type SlaClockView } from '../sla-clock.ts';

/** What a queue shows of one SLA clock (its name is the key it is stored under). */
export type ClockSummary = Omit<SlaClockView, 'name'>;

/**
 * The queryable projection of an instance (collection `instances`). It may lag the event log;
 * `seq` says up to which event it (and the effects of the events) has been applied.
 */
export interface InstanceDocument {
  _id: string;
  processKey: string;
  processVersion: number;
  state: string;
  status: InstanceState['status'];
  /** The value of the definition's title field (text search). */
  title: string;
  data: Record<string, unknown>;
  assignee: { role?: string; user?: string } | null;
  requester: string | null;
  clocks: Record<string, ClockSummary>;
  /** The earliest breach instant of a running clock (the "breached / at risk" queue). */
  breachAt: Date | null;
  seq: number;
  hash: string | null;
  /**
   * The engine's state after `seq` (what the last event holds) as JSON text, without the data
   * and process this document holds anyway (read it with {@link engineStateOf}), so a send need
   * not read the log. Text, because nothing queries it and FerretDB stores a string several
   * times faster than the same nested document.
   */
  engineState?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What the projection keeps of the engine's state (in `engineState`). */
export interface EngineStateSnapshot {
  process: { key: string; version: number };
  state: InstanceState;
  clocks: Record<string, SlaClockRecord>;
}

/**
 * What `engineState` stores: the snapshot without what the projection holds anyway (the record
 * data and the process), which keeps the document small — FerretDB scans projections for `_id`
 * lookups, and PostgreSQL moves rows over about 2 KB out of line.
 */
interface StoredEngineState {
  state: Omit<InstanceState, 'data' | 'process'> & Partial<Pick<InstanceState, 'data' | 'process'>>;
  clocks: Record<string, SlaClockRecord>;
  /** Present in projections written before the snapshot was trimmed. */
  process?: EngineStateSnapshot['process'];
}

/** The engine state a projection carries, or null when it has none (written by an older version). */
export function engineStateOf(doc: InstanceDocument): EngineStateSnapshot | null {
  if (typeof doc.engineState !== 'string') return null;
  const stored = JSON.parse(doc.engineState) as StoredEngineState;
  const process = stored.process ?? { key: doc.processKey, version: doc.processVersion };
  return {
    process,
    state: { ...stored.state, process: stored.state.process ?? process, data: stored.state.data ?? doc.data },
    clocks: stored.clocks,
  };
}

function storedEngineState(state: InstanceState, clocks: Readonly<Record<string, SlaClockRecord>>): string {
  const { data: _data, process: _process, ...rest } = state;
  return JSON.stringify({ state: rest, clocks } satisfies StoredEngineState);
}

/** Builds the projection document of an instance after event `seq`. */
export function projectInstance(
  instanceId: string,
  compiled: CompiledProcess,
  state: InstanceState,
  clocks: Readonly<Record<string, SlaClockRecord>>,
  head: { seq: number; hash: string | null },
  createdAt: Date,
  at: Date,
): InstanceDocument {
  const definition = compiled.definition;
  const titleField = definition.record.titleField;
  const title = titleField && typeof state.data[titleField] === 'string' ? state.data[titleField] : '';
  const summaries: Record<string, ClockSummary> = {};
  let breachAt: Date | null = null;
  for (const [id, record] of Object.entries(clocks)) {
    const { name: _name, ...view } = slaView(record, at, calendarOf(definition, record.calendarId));
    summaries[id] = view;
    if (record.status === 'running' && view.breachAt && (!breachAt || view.breachAt < breachAt))
      breachAt = view.breachAt;
  }
  return {
    _id: instanceId,
    processKey: definition.key,
    processVersion: definition.version,
    state: state.state,
    status: state.status,
    title,
    data: state.data,
    assignee: state.assignee ?? null,
    requester: state.requester ?? null,
    clocks: summaries,
    breachAt,
    seq: head.seq,
    hash: head.hash,
    engineState: storedEngineState(state, clocks),
    createdAt,
    updatedAt: at,
  };
}

/** The `instances` collection and the indexes an agent queue needs. */
export class InstanceProjections {
  readonly collection: Collection<InstanceDocument>;

  constructor(db: Db) {
    this.collection = db.collection<InstanceDocument>('instances');
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ processKey: 1, state: 1, updatedAt: -1 });
    await this.collection.createIndex({ 'assignee.user': 1, updatedAt: -1 });
    await this.collection.createIndex({ requester: 1, updatedAt: -1 });
    await this.collection.createIndex({ breachAt: 1 });
  }

  async get(instanceId: string): Promise<InstanceDocument | null> {
    return this.collection.findOne({ _id: instanceId });
  }

  /** The records of a process created in `[from, to)`, oldest first, read one at a time. */
  createdBetween(processKey: string, from: Date, to: Date): FindCursor<InstanceDocument> {
    return this.collection.find({ processKey, createdAt: { $gte: from, $lt: to } }).sort({ createdAt: 1, _id: 1 });
  }

  /**
   * Writes the projection in one round trip (by `_id`, the only filter FerretDB serves without a
   * scan) and looks at what it replaced: when that was newer — another writer of the instance
   * got there first — it is put back. True when `doc` stands. Not atomic on FerretDB; whatever
   * still lags is repaired from the log by the next send's collision or by `instance()`.
   */
  async write(doc: InstanceDocument): Promise<boolean> {
    let next = doc;
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = await this.collection.findOneAndReplace({ _id: next._id }, next, {
        upsert: true,
        returnDocument: 'before',
      });
      if (!before || before.seq <= next.seq) return next === doc;
      next = before;
    }
    return false;
  }
}
