import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { HOUR, MINUTE, TestClock } from './clock.ts';
import { EventLog } from './event-log.ts';
import { fireIntoEventLog, TimerScheduler } from './timer-scheduler.ts';
import { TimerStore, timerId, timerIdempotencyKey, type TimerDocument } from './timer-store.ts';

let t: TestDatabase;
let log: EventLog;
let n = 0;

/** A timer store and event log of their own per test, so polls never see another test's timers. */
async function fresh(): Promise<{ store: TimerStore; log: EventLog; prefix: string }> {
  n++;
  return {
    store: await TimerStore.open(t.db, { collection: `timers_${n}` }),
    log: await EventLog.open(t.db, { collection: `events_${n}` }),
    prefix: `t${n}`,
  };
}

beforeAll(async () => {
  t = await openTestDatabase('timers');
  log = await EventLog.open(t.db);
});
afterAll(async () => t.close());

describe('timer store', () => {
  it('given a timer scheduled twice (a retried effect), then it is stored once with a deterministic id', async () => {
    const { store } = await fresh();
    const clock = new TestClock();
    const spec = {
      instanceId: 'inc-1',
      name: 'sla-breach',
      generation: 2,
      dueAt: new Date(clock.now().getTime() + HOUR),
      payload: { type: 'sla.breached' },
    };
    const first = await store.schedule(spec, clock.now());
    const second = await store.schedule(spec, clock.now());
    expect(first).toMatchObject({
      status: 'scheduled',
      timer: { _id: 'inc-1:sla-breach:2', status: 'scheduled', attempts: 0 },
    });
    expect(second).toEqual({ status: 'already-scheduled', id: 'inc-1:sla-breach:2' });
    expect(await store.collection.countDocuments({})).toBe(1);
    expect(timerId('inc-1', 'sla-breach', 2)).toBe('inc-1:sla-breach:2');
  });

  it('given a bad name or payload, then it is refused before anything is stored', async () => {
    const { store } = await fresh();
    const now = new Date();
    await expect(store.schedule({ instanceId: 'i', name: 'a:b', dueAt: now }, now)).rejects.toThrow(/INVALID_ARGUMENT/);
    await expect(store.schedule({ instanceId: 'i', name: 'a', dueAt: now, payload: { $set: 1 } }, now)).rejects.toThrow(
      /INVALID_DOCUMENT/,
    );
    await expect(store.schedule({ instanceId: 'i', name: 'a', dueAt: new Date(NaN) }, now)).rejects.toThrow(
      /INVALID_ARGUMENT/,
    );
    expect(await store.collection.countDocuments({})).toBe(0);
  });
});

describe('timer scheduler', () => {
  it('given 200 due timers and two schedulers polling at once, then each timer fires exactly once (one event per timer)', async () => {
    const { store, log: events, prefix } = await fresh();
    const clock = new TestClock('2026-01-09T09:00:00Z');
    for (let i = 0; i < 200; i++) {
      await store.schedule(
        {
          instanceId: `${prefix}-inc-${i % 20}`,
          name: `reminder${i}`,
          dueAt: new Date(clock.now().getTime() + i * 1000),
          payload: { type: 'reminder.due', i },
        },
        clock.now(),
      );
    }
    clock.advance(HOUR);
    let calls = 0;
    const fire = fireIntoEventLog(events);
    const counting = async (timer: TimerDocument, now: Date) => {
      calls++;
      return fire(timer, now);
    };
    const a = new TimerScheduler({ store, clock, fire: counting, batchSize: 50 });
    const b = new TimerScheduler({ store, clock, fire: counting, batchSize: 50 });
    const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);

    const stored = await events.collection.find({ type: 'reminder.due' }).toArray();
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((e) => e.idempotencyKey)).size).toBe(200);
    expect(stored.every((e) => e.idempotencyKey.startsWith('timer:'))).toBe(true);
    expect(await store.collection.countDocuments({ status: 'fired' })).toBe(200);
    for (let i = 0; i < 20; i++) expect((await events.verify(`${prefix}-inc-${i}`)).ok).toBe(true);
    expect(ra.fired + rb.fired).toBe(calls);
    console.log(
      `two schedulers made ${calls} firing calls for 200 timers (${ra.skipped + rb.skipped} skipped as already fired); the log recorded 200 events`,
    );
    // Nothing is left to fire.
    expect(await a.runDue()).toEqual({ fired: 0, failed: 0, skipped: 0, batches: 0 });
  }, 120_000);

  it('given a timer that came due while no scheduler ran, when a scheduler starts, then its first poll fires it', async () => {
    const { store, log: events, prefix } = await fresh();
    const clock = new TestClock('2026-01-09T09:00:00Z');
    const id = `${prefix}-inc`;
    await store.schedule(
      {
        instanceId: id,
        name: 'breach',
        dueAt: new Date(clock.now().getTime() + 30 * MINUTE),
        payload: { type: 'sla.breached' },
      },
      clock.now(),
    );
    const before = new TimerScheduler({ store, clock, fire: fireIntoEventLog(events) });
    expect(await before.runDue()).toMatchObject({ fired: 0 }); // not yet due
    // Everything is down for two hours.
    clock.advance(2 * HOUR);
    const after = new TimerScheduler({ store, clock, fire: fireIntoEventLog(events), pollIntervalMs: 10 });
    const first = await after.start();
    await after.stop();
    expect(first.fired).toBe(1);
    const [event] = await events.read(id);
    expect(event).toMatchObject({
      type: 'sla.breached',
      actor: 'system:timer',
      idempotencyKey: timerIdempotencyKey(`${id}:breach:1`),
      body: { timer: { id: `${id}:breach:1`, name: 'breach', generation: 1, dueAt: '2026-01-09T09:30:00.000Z' } },
    });
    expect(event!.at.toISOString()).toBe('2026-01-09T11:00:00.000Z');
  });

  it('given a cancelled timer and a timer not yet due, then neither fires', async () => {
    const { store, log: events, prefix } = await fresh();
    const clock = new TestClock();
    const now = clock.now();
    await store.schedule({ instanceId: `${prefix}-a`, name: 'x', dueAt: now }, now);
    await store.schedule({ instanceId: `${prefix}-b`, name: 'x', dueAt: new Date(now.getTime() + MINUTE) }, now);
    expect(await store.cancel(timerId(`${prefix}-a`, 'x'), now)).toBe(true);
    expect(await store.cancel(timerId(`${prefix}-a`, 'x'), now)).toBe(false);
    const scheduler = new TimerScheduler({ store, clock, fire: fireIntoEventLog(events) });
    expect(await scheduler.runDue()).toMatchObject({ fired: 0 });
    expect(await events.collection.countDocuments({})).toBe(0);
  });

  it('given a firing that fails, then attempts and the error are recorded and it is retried after a backoff', async () => {
    const { store, log: events, prefix } = await fresh();
    const clock = new TestClock();
    const id = `${prefix}-inc`;
    await store.schedule({ instanceId: id, name: 'flaky', dueAt: clock.now() }, clock.now());
    let failuresLeft = 2;
    const inner = fireIntoEventLog(events);
    const errors: unknown[] = [];
    const scheduler = new TimerScheduler({
      store,
      clock,
      retryBaseMs: 1000,
      onError: (e) => errors.push(e),
      fire: async (timer, now) => {
        if (failuresLeft-- > 0) throw new Error('engine unavailable');
        return inner(timer, now);
      },
    });
    expect(await scheduler.runDue()).toMatchObject({ fired: 0, failed: 1 });
    expect(await store.get(timerId(id, 'flaky'))).toMatchObject({
      status: 'scheduled',
      attempts: 1,
      lastError: 'engine unavailable',
      runAt: new Date(clock.now().getTime() + 1000),
    });
    expect(await scheduler.runDue()).toMatchObject({ fired: 0, failed: 0 }); // backing off
    clock.advance(1000);
    expect(await scheduler.runDue()).toMatchObject({ failed: 1 });
    expect(await store.get(timerId(id, 'flaky'))).toMatchObject({
      attempts: 2,
      runAt: new Date(clock.now().getTime() + 2000),
    });
    clock.advance(2000);
    expect(await scheduler.runDue()).toMatchObject({ fired: 1 });
    expect(await events.read(id)).toHaveLength(1);
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['TIMER_FIRE_FAILED', 'TIMER_FIRE_FAILED']);
  });

  it('given fired and cancelled timers older than the retention, then purging removes them and keeps the rest', async () => {
    const { store } = await fresh();
    const clock = new TestClock();
    const now = clock.now();
    for (const name of ['a', 'b', 'c']) await store.schedule({ instanceId: 'p', name, dueAt: now }, now);
    await store.markFired(timerId('p', 'a'), now);
    await store.cancel(timerId('p', 'b'), now);
    expect(await store.purgeFinished(new Date(now.getTime() + 1))).toBe(2);
    expect((await store.forInstance('p')).map((x) => x.name)).toEqual(['c']);
  });
});

describe('the shared event log is untouched by timer tests', () => {
  it('given the default collection, then it holds nothing from these tests', async () => {
    expect(await log.collection.countDocuments({})).toBe(0);
  });
});
