import type { CompiledProcess } from '@clauseflow/definition';
import { decodeEvent, type EventDocument, type InstanceEngine, type InstanceEventBody } from '@clauseflow/runtime';
import { recordFacts, type ReportEvent, type ReportRecord } from './record-facts.ts';
import type { ReportPeriod } from './report-period.ts';
import { ServiceReportBuilder, type ReportMeasure } from './service-report.ts';

/** Records whose events are read with one query. */
export const REPORT_EVENT_BATCH = 200;

/** What a report reads of an event: no hashes (the body is one text field, read whole and trimmed). */
const EVENT_FIELDS = { _id: 0, instanceId: 1, seq: 1, type: 1, at: 1, idempotencyKey: 1, body: 1 } as const;

/** The part of an event a report counts: its metadata and the few body fields it looks at. */
function reportEvent(doc: EventDocument): ReportEvent {
  const body = decodeEvent(doc).body as unknown as Partial<InstanceEventBody>;
  return {
    instanceId: doc.instanceId,
    seq: doc.seq,
    type: doc.type,
    at: doc.at,
    idempotencyKey: doc.idempotencyKey,
    body: {
      kind: body.kind,
      from: body.from,
      input: { data: { clock: body.input?.data?.['clock'] } },
      state: { state: body.state?.state, status: body.state?.status },
    },
  };
}

/**
 * The states of a definition from which stepping back into work is a reopen: states tagged
 * `resolved` that have a transition to a state that is neither resolved nor final.
 */
export function reopenableStates(compiled: CompiledProcess): string[] {
  const { states, transitions } = compiled.definition;
  const resolved = new Set(states.filter((s) => (s.tags ?? []).includes('resolved')).map((s) => s.id));
  const final = new Set(states.filter((s) => s.kind === 'final').map((s) => s.id));
  const from = new Set<string>();
  for (const t of transitions) if (resolved.has(t.from) && !resolved.has(t.to) && !final.has(t.to)) from.add(t.from);
  return [...from].sort();
}

/** What to load: the process, the period, and the filter of the records the caller may see. */
export interface ReportScope {
  processKey: string;
  period: ReportPeriod;
  /** The caller's visibility filter (from the record policy); null: every record of the process. */
  visible: Record<string, unknown> | null;
  /** The report's "now": clocks the projection shows breached by then count even before their timer fired. */
  asOf: Date;
}

/**
 * Reads a process's records and their events for a report and counts them as it goes: the
 * projections of records opened before the period's end that were open at some time in it
 * (opened in it, still open, or changed since its start), streamed with a cursor, and their
 * events up to the period's end, fetched by instance id a batch at a time. Only the fields a
 * report needs are read. The filter is built from server-side values and the caller's
 * visibility filter, never from client input.
 */
export async function loadServiceReport(engine: InstanceEngine, scope: ReportScope): Promise<ReportMeasure[]> {
  const { period } = scope;
  const resolved = new Set<string>();
  for (const version of await engine.definitions.list(scope.processKey)) {
    const compiled = await engine.registry.get(scope.processKey, version.version);
    if (compiled) for (const state of reopenableStates(compiled)) resolved.add(state);
  }
  const builder = new ServiceReportBuilder(period.buckets, { reopen: resolved.size > 0 });

  const clauses: Record<string, unknown>[] = [
    { processKey: scope.processKey },
    { createdAt: { $lt: period.end } },
    // A record closed before the period started holds nothing for it; a closed record's last
    // change (updatedAt) is never before it closed.
    { $or: [{ createdAt: { $gte: period.start } }, { status: 'active' }, { updatedAt: { $gte: period.start } }] },
  ];
  if (scope.visible) clauses.push(scope.visible);
  const cursor = engine.projections.collection
    .find({ $and: clauses }, { projection: { _id: 1, createdAt: 1, clocks: 1 } })
    .sort({ _id: 1 })
    .batchSize(REPORT_EVENT_BATCH);

  const flush = async (records: ReportRecord[]): Promise<void> => {
    if (records.length === 0) return;
    const events = await engine.log.collection
      .find(
        { instanceId: { $in: records.map((record) => record._id) }, at: { $lt: period.end } },
        { projection: EVENT_FIELDS },
      )
      .toArray();
    const byRecord = new Map<string, ReportEvent[]>();
    for (const event of events.map((doc) => reportEvent(doc as EventDocument))) {
      const list = byRecord.get(event.instanceId);
      if (list) list.push(event);
      else byRecord.set(event.instanceId, [event]);
    }
    for (const record of records) {
      builder.add(recordFacts(record, byRecord.get(record._id) ?? [], { resolvedStates: resolved, asOf: scope.asOf }));
    }
  };

  let batch: ReportRecord[] = [];
  for await (const record of cursor) {
    batch.push(record);
    if (batch.length >= REPORT_EVENT_BATCH) {
      await flush(batch);
      batch = [];
    }
  }
  await flush(batch);
  return builder.finish();
}
