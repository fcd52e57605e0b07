/**
 * The measurements of `pnpm bench` for the runtime's persistence primitives, against any
 * database: raw driver throughput for one insert plus one update per operation (the ceiling an
 * engine `send()` can approach: append an event, update a projection) and event-log append
 * throughput, at a given number of concurrent callers.
 */
import { performance } from 'node:perf_hooks';
import type { Db, Document } from 'mongodb';
import { appendWithRetry } from '../src/append-with-retry.ts';
import type { Definition } from '@clauseflow/definition';
import { systemClock } from '../src/clock.ts';
import { openRuntime } from '../src/engine/runtime-services.ts';
import { EventLog, emptyHead, type LogHead } from '../src/event-log.ts';

/** One measured series. */
export interface Measurement {
  name: string;
  callers: number;
  ops: number;
  elapsedMs: number;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Database commands per operation while measuring, when the plan can count them. */
  commandsPerOp: number | null;
}

/** What to measure: operations per series, concurrent callers, instances written to. */
export interface BenchPlan {
  ops: number;
  callers: number;
  instances: number;
  /** Unique per series so collections start empty. */
  label: string;
  /** Database commands the client has sent so far (command monitoring), to report round trips. */
  commandsSent?: () => number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Runs `op(i, caller)` `ops` times spread over `callers` concurrent loops. Caller `c` only gets
 * instances `c, c + callers, …` so series measure throughput, not contention.
 */
async function measure(
  name: string,
  plan: BenchPlan,
  op: (index: number, caller: number) => Promise<void>,
): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  const commandsBefore = plan.commandsSent?.() ?? 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: plan.callers }, async (_, caller) => {
      for (let i = next++; i < plan.ops; i = next++) {
        const t = performance.now();
        await op(i, caller);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    name,
    callers: plan.callers,
    ops: plan.ops,
    elapsedMs,
    opsPerSecond: plan.ops / (elapsedMs / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    commandsPerOp: plan.commandsSent ? (plan.commandsSent() - commandsBefore) / plan.ops : null,
  };
}

/** The instance a caller writes its `index`-th operation to. */
function instanceFor(plan: BenchPlan, index: number, caller: number): number {
  const perCaller = Math.max(1, Math.floor(plan.instances / plan.callers));
  return caller + plan.callers * (index % perCaller);
}

/**
 * The instance and next seq a raw series writes its `index`-th operation to (each series keeps
 * its own counters, like an engine keeps its instances' heads).
 */
function rawSequencer(plan: BenchPlan): (index: number, caller: number) => { instanceId: string; seq: number } {
  const seqs = new Map<number, number>();
  return (index, caller) => {
    const instance = instanceFor(plan, index, caller);
    const seq = (seqs.get(instance) ?? 0) + 1;
    seqs.set(instance, seq);
    return { instanceId: `raw-${instance}`, seq };
  };
}

/** The ceiling: per operation one `insertOne` (an event) and one `updateOne` (a projection). */
export async function rawInsertPlusUpdate(db: Db, plan: BenchPlan): Promise<Measurement> {
  const events = db.collection<{ _id: string; instanceId: string; seq: number; body: object }>(
    `raw_events_${plan.label}`,
  );
  const projections = db.collection<{ _id: string; seq: number; updatedAt: Date }>(`raw_instances_${plan.label}`);
  const next = rawSequencer(plan);
  return measure('raw driver: insert + update', plan, async (index, caller) => {
    const { instanceId, seq } = next(index, caller);
    await events.insertOne({
      _id: `${instanceId}:${seq}`,
      instanceId,
      seq,
      body: { n: index, text: 'benchmark event' },
    });
    await projections.updateOne({ _id: instanceId }, { $set: { seq, updatedAt: new Date() } }, { upsert: true });
  });
}

/** An event, an outbox message and a projection as the engine stored them, to size the ceiling's documents like the engine's. */
export interface EngineDocuments {
  event: Document;
  outbox: Document;
  projection: Document;
}

/** The documents of the engine series `label` (its last `escalate` event, a notification and a projection). */
export async function sampleEngineDocuments(db: Db, label: string): Promise<EngineDocuments> {
  const engineDb = db.client.db(`${db.databaseName}_${label}`);
  const event = await engineDb.collection('events').findOne({ type: 'escalate' }, { sort: { seq: -1 } });
  const outbox = await engineDb.collection('outbox').findOne({});
  const projection = await engineDb.collection('instances').findOne({});
  if (!event || !outbox || !projection) throw new Error(`engine series ${label} stored nothing to sample`);
  const { _id: ignored, ...withoutId } = projection;
  void ignored;
  return { event, outbox, projection: withoutId };
}

/**
 * The same ceiling with the engine's own documents: per operation one `insertOne` of an event
 * as the engine stores it and one `replaceOne` of a projection as the engine writes it. It
 * tells the cost of the data apart from the cost of the engine's extra work.
 */
export async function rawInsertPlusUpdateSized(db: Db, plan: BenchPlan, docs: EngineDocuments): Promise<Measurement> {
  const events = db.collection<Document & { _id: string }>(`raw_sized_events_${plan.label}`);
  const projections = db.collection<Document & { _id: string }>(`raw_sized_instances_${plan.label}`);
  const next = rawSequencer(plan);
  return measure('raw driver: same, engine-sized docs', plan, async (index, caller) => {
    const { instanceId, seq } = next(index, caller);
    await events.insertOne({ ...docs.event, _id: `${instanceId}:${seq}`, instanceId, seq });
    await projections.replaceOne(
      { _id: instanceId },
      { ...docs.projection, seq, updatedAt: new Date() },
      { upsert: true },
    );
  });
}

/**
 * What a send writes, without the engine: per operation the engine's event, its notification
 * (an outbox message) and its projection, into collections with the engine's indexes. The
 * engine cannot beat this; how close it gets is the cost of its own work (rules, machine,
 * hashing, checks), apart from the cost of the writes the guarantees call for.
 */
export async function rawEngineWrites(db: Db, plan: BenchPlan, docs: EngineDocuments): Promise<Measurement> {
  const writesDb = db.client.db(`${db.databaseName}_writes_${plan.label}`);
  const events = writesDb.collection<Document & { _id: string }>('events');
  const outbox = writesDb.collection<Document & { _id: string }>('outbox');
  const projections = writesDb.collection<Document & { _id: string }>('instances');
  const engineDb = db.client.db(`${db.databaseName}_${plan.label.replace(/^writes/, 'engine')}`);
  for (const [name, target] of [
    ['events', events],
    ['outbox', outbox],
    ['instances', projections],
  ] as const) {
    for (const index of await engineDb.collection(name).indexes()) {
      if (index.name === '_id_') continue;
      await target.createIndex(index.key, { name: index.name, ...(index.unique ? { unique: true } : {}) });
    }
  }
  const next = rawSequencer(plan);
  return measure("raw driver: the engine's 3 writes", plan, async (index, caller) => {
    const { instanceId, seq } = next(index, caller);
    await events.insertOne({
      ...docs.event,
      _id: `${instanceId}:${seq}`,
      instanceId,
      seq,
      idempotencyKey: `k-${index}`,
    });
    await outbox.insertOne({ ...docs.outbox, _id: `${instanceId}:${seq}:1`, instanceId });
    await projections.findOneAndReplace(
      { _id: instanceId },
      { ...docs.projection, seq, updatedAt: new Date() },
      { upsert: true, returnDocument: 'before' },
    );
  });
}

/** Event-log appends after a head the caller remembers (what an engine with a cached projection does). */
export async function logAppendKnownHead(db: Db, plan: BenchPlan): Promise<Measurement> {
  const log = await EventLog.open(db, { collection: `log_events_${plan.label}` });
  const heads = new Map<number, LogHead>();
  return measure('event log: append (known head)', plan, async (index, caller) => {
    const instance = instanceFor(plan, index, caller);
    const instanceId = `log-${instance}`;
    const result = await log.append(
      { instanceId, type: 'bench', actor: 'system:bench', at: new Date(), body: { n: index, text: 'benchmark event' } },
      heads.get(instance) ?? emptyHead(instanceId),
    );
    if (result.status !== 'appended') throw new Error(`unexpected ${result.status}`);
    heads.set(instance, result.head);
  });
}

/** Event-log appends that look the head up first, with a caller idempotency key (a cold writer). */
export async function logAppendWithHeadLookup(db: Db, plan: BenchPlan): Promise<Measurement> {
  const log = await EventLog.open(db, { collection: `log_lookup_events_${plan.label}`, headCacheSize: 0 });
  return measure('event log: head lookup + append', plan, async (index, caller) => {
    const instanceId = `cold-${instanceFor(plan, index, caller)}`;
    const result = await appendWithRetry(log, instanceId, {
      instanceId,
      type: 'bench',
      actor: 'system:bench',
      at: new Date(),
      idempotencyKey: `op-${index}`,
      body: { n: index, text: 'benchmark event' },
    });
    if (result.status !== 'appended') throw new Error(`unexpected ${result.status}`);
  });
}

/**
 * The engine: `send()` of an `escalate` event to the incident example as an agent, keyed by an
 * idempotency key (rules evaluated, a set-field and a notification effect, the running SLA clock
 * carried on, the hash-chained event and the projection written). The instances are started and
 * accepted (decision table, clock and timers) before measuring.
 */
export async function engineSend(db: Db, plan: BenchPlan, definition: Definition): Promise<Measurement> {
  const { engine } = await openRuntime(db.client.db(`${db.databaseName}_${plan.label}`), { clock: systemClock });
  await engine.definitions.publish(definition, 'bench', new Date());
  const agent = { id: 'bench-agent', roles: ['agent'] };
  const ids: string[] = [];
  for (let i = 0; i < plan.instances; i++) {
    const started = await engine.start(
      'incident',
      { title: `bench ${i}`, impact: 'low', urgency: 'low' },
      { id: 'bench-requester', roles: ['requester'] },
    );
    if (!started.ok) throw new Error(`start: ${started.code}`);
    const accepted = await engine.send(
      started.instanceId,
      { type: 'accept', data: { category: 'other', impact: 'low', urgency: 'low' } },
      agent,
    );
    if (!accepted.ok) throw new Error(`accept: ${accepted.code}`);
    ids.push(started.instanceId);
  }
  return measure('engine: send() incident escalate', plan, async (index, caller) => {
    const id = ids[instanceFor(plan, index, caller) % ids.length]!;
    const result = await engine.send(id, { type: 'escalate' }, agent, { idempotencyKey: `bench-${index}` });
    if (!result.ok) throw new Error(`send: ${result.code}`);
  });
}
