import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { EventLog } from './event-log.ts';
import { LOG_APPEND_OPERATION, killAllWorkers, raceThreeWorkers, spawnWorker } from './testing/run-workers.ts';

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase('log_concurrency');
  await EventLog.open(t.db); // indexes exist before the workers race
});
afterAll(async () => {
  await killAllWorkers(); // never drop the database under running workers
  await t.close();
});

describe('three processes appending to the same 20 logs', () => {
  it('given 3 worker processes appending 3,000 events in total as fast as they can, then every log is contiguous, every acknowledged event is present exactly once, and every chain verifies', async () => {
    const instanceIds = Array.from({ length: 20 }, (_, i) => `race-${i + 1}`);
    const { acks, summaries, elapsedMs } = await raceThreeWorkers(t, instanceIds, LOG_APPEND_OPERATION, 'w');

    expect(summaries.map((s) => s.acknowledged)).toEqual([1000, 1000, 1000]);
    expect(acks).toHaveLength(3000);
    expect(new Set(acks.map((a) => a.ackId)).size).toBe(3000);

    const log = await EventLog.open(t.db); // reads by _id lookups on FerretDB; verify always reads by query
    const stored = new Map<string, { instanceId: string; seq: number }>();
    let total = 0;
    for (const instanceId of instanceIds) {
      const events = await log.read(instanceId);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
      expect(await log.verify(instanceId)).toEqual({
        ok: true,
        length: events.length,
        headHash: events.at(-1)?.hash ?? null,
      });
      for (const e of events) {
        expect(stored.has(e.idempotencyKey)).toBe(false);
        stored.set(e.idempotencyKey, { instanceId, seq: e.seq });
      }
      total += events.length;
    }
    expect(total).toBe(3000);
    for (const ack of acks) {
      expect(stored.get(ack.ackId)).toEqual({ instanceId: ack.instanceId, seq: ack.seq });
    }
    const retried = acks.filter((a) => (a.attempts ?? 1) > 1).length;
    console.log(
      `3 processes x 1000 appends over 20 logs in ${Math.round(elapsedMs)} ms (${Math.round(3000 / (elapsedMs / 1000))}/s); ` +
        `${retried} appends needed more than one attempt; per worker: ${summaries.map((s) => `${s.workerId} ${s.elapsedMs} ms`).join(', ')}`,
    );
  }, 240_000);

  it('given a worker killed with SIGKILL in the middle of its run, then it stops appending at once and every event it acknowledged is in a log that verifies', async () => {
    const instanceIds = ['crash-1', 'crash-2', 'crash-3'];
    const worker = spawnWorker({
      workerId: 'doomed',
      uri: t.uri,
      dbName: t.db.databaseName,
      instanceIds,
      operations: 100_000,
      concurrency: 2,
      operationModule: LOG_APPEND_OPERATION,
    });
    while (worker.acks.length < 30) {
      if (worker.child.exitCode !== null) throw new Error('worker ended early');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    worker.child.kill('SIGKILL');
    const outcome = await worker.exited;
    expect(outcome.signal).toBe('SIGKILL');
    expect(outcome.summary).toBeNull();

    const log = await EventLog.open(t.db);
    const count = async () => t.db.collection('events').countDocuments({ instanceId: { $in: instanceIds } });
    const afterKill = await count();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await count()).toBe(afterKill); // no orphaned process kept writing
    const keys = new Set<string>();
    for (const id of instanceIds) {
      expect((await log.verify(id)).ok).toBe(true);
      for (const e of await log.read(id)) keys.add(e.idempotencyKey);
    }
    for (const ack of worker.acks) expect(keys.has(ack.ackId)).toBe(true);
    expect(afterKill).toBeGreaterThanOrEqual(worker.acks.length);
  }, 120_000);
});
