import type { Collection, Db } from 'mongodb';
import type { CompiledProcess, InstanceState } from '@clauseflow/definition';
import { calendarOf } from './instance-time.ts';
import { slaView, type SlaClockRecord } from '../sla-clock.ts';

/** What a queue shows of one SLA clock. */
export interface ClockSummary {
  status: SlaClockRecord['status'];
  targetMs: number;
  elapsedMs: number;
  remainingMs: number;
  breached: boolean;
  breachAt: Date | null;
  warningAt: Date | null;
}

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
  /** The engine's state after `seq` (what the last event holds), so a send need not read the log. */
  current?: { process: { key: string; version: number }; state: InstanceState; clocks: Record<string, SlaClockRecord> };
  createdAt: Date;
  updatedAt: Date;
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
    const view = slaView(record, at, calendarOf(definition, record.calendarId));
    summaries[id] = {
      status: view.status,
      targetMs: view.targetMs,
      elapsedMs: view.elapsedMs,
      remainingMs: view.remainingMs,
      breached: view.breached,
      breachAt: view.breachAt,
      warningAt: view.warningAt,
    };
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
    current: { process: { key: definition.key, version: definition.version }, state, clocks: { ...clocks } },
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

  /**
   * Writes the projection unless a newer one is stored. Check-then-write is not atomic on
   * FerretDB; a lost race leaves an older projection, which the next send or `repair` corrects
   * from the log.
   */
  async write(doc: InstanceDocument): Promise<void> {
    const current = await this.collection.findOne({ _id: doc._id }, { projection: { seq: 1 } });
    if (current && current.seq >= doc.seq) return;
    await this.collection.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }
}
