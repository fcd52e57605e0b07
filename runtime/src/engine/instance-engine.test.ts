import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '@clauseflow/definition';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import { TestClock } from '../clock.ts';
import type { NotificationRequest, TimerRequest } from './engine-ports.ts';
import { InstanceEngine } from './instance-engine.ts';

const agent = { id: 'ann', roles: ['agent'] };
const requester = { id: 'rob', roles: ['requester'] };

/** Collects what the engine hands to its timer and notification ports. */
function ports() {
  const timers = new Map<string, TimerRequest>();
  const cancelled: string[] = [];
  const notifications = new Map<string, NotificationRequest>();
  return {
    timers,
    cancelled,
    notifications,
    timerPort: {
      schedule: async (t: TimerRequest) => void timers.set(t.id, t),
      cancel: async (id: string) => {
        cancelled.push(id);
        timers.delete(id);
      },
    },
    notificationPort: { enqueue: async (n: NotificationRequest) => void notifications.set(n.id, n) },
  };
}

describe('InstanceEngine on the real database', () => {
  let t: TestDatabase;
  let engine: InstanceEngine;
  const clock = new TestClock('2026-11-27T17:00:00Z');
  const p = ports();

  beforeAll(async () => {
    t = await openTestDatabase('engine');
    engine = await InstanceEngine.open(t.db, { clock, timers: p.timerPort, notifications: p.notificationPort });
    await engine.definitions.publish(incident as unknown as Definition, 'owner', clock.now());
  });
  afterAll(async () => t.close());

  it('given a published incident process, when a requester starts one and an agent works it to closed, then the log, projection and effects agree', async () => {
    const started = await engine.start(
      'incident',
      { title: 'Mail down', impact: 'medium', urgency: 'medium' },
      requester,
    );
    if (!started.ok) throw new Error(JSON.stringify(started));
    const id = started.instanceId;
    expect(started.state).toMatchObject({ state: 'new', data: { priority: 'P3' } });

    const accepted = await engine.send(
      id,
      { type: 'accept', data: { category: 'software', impact: 'medium', urgency: 'medium' } },
      agent,
    );
    expect(accepted).toMatchObject({ ok: true, seq: 2, state: { state: 'in-progress', assignee: { role: 'agent' } } });
    expect([...p.timers.values()].find((x) => x.instanceId === id && x.kind === 'state')).toMatchObject({
      event: 'escalate',
      dueAt: new Date('2026-11-30T10:00:00Z'), // 1 business hour on Friday, 1 on Monday
    });
    clock.advance(3_600_000);
    const resolved = await engine.send(
      id,
      { type: 'resolve', data: { resolution: 'Restarted', closureCode: 'solved' } },
      agent,
    );
    expect(resolved).toMatchObject({ ok: true, seq: 3, state: { state: 'resolved' } });
    const closed = await engine.send(id, { type: 'close' }, requester);
    expect(closed).toMatchObject({ ok: true, seq: 4, state: { state: 'closed', status: 'done' } });

    const doc = await engine.projections.get(id);
    expect(doc).toMatchObject({
      processKey: 'incident',
      processVersion: 1,
      state: 'closed',
      status: 'done',
      title: 'Mail down',
      seq: 4,
    });
    expect(doc?.clocks['resolution']?.status).toBe('stopped');
    expect(await engine.log.verify(id)).toMatchObject({ ok: true, length: 4 });
    expect([...p.notifications.values()].filter((n) => n.instanceId === id).map((n) => n.role)).toEqual(['agent']);
  });

  it('given the same request replayed 10 times sequentially and 10 times concurrently, then one event is recorded', async () => {
    const started = await engine.start('incident', { title: 'VPN', impact: 'low', urgency: 'low' }, requester);
    if (!started.ok) throw new Error('start failed');
    const id = started.instanceId;
    const send = () =>
      engine.send(id, { type: 'accept', data: { category: 'network', impact: 'low', urgency: 'low' } }, agent, {
        idempotencyKey: 'req-1',
      });
    const sequential = [];
    for (let i = 0; i < 10; i++) sequential.push(await send());
    const concurrent = await Promise.all(Array.from({ length: 10 }, send));
    const all = [...sequential, ...concurrent];
    expect(all.every((r) => r.ok && r.seq === 2)).toBe(true);
    expect(all.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
    expect((await engine.log.read(id)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('given concurrent keyed sends of one new request, when none was recorded before, then exactly one is applied', async () => {
    const started = await engine.start('incident', { title: 'Disk', impact: 'low', urgency: 'low' }, requester);
    if (!started.ok) throw new Error('start failed');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        engine.send(
          started.instanceId,
          { type: 'accept', data: { category: 'hardware', impact: 'low', urgency: 'low' } },
          agent,
          { idempotencyKey: 'k' },
        ),
      ),
    );
    expect(new Set(results.map((r) => (r.ok ? r.seq : r.code)))).toEqual(new Set([2]));
    expect(await engine.log.read(started.instanceId)).toHaveLength(2);
  });

  it('given a stale expected seq, when sent, then CONFLICT and nothing is appended', async () => {
    const started = await engine.start('incident', { title: 'Printer', impact: 'low', urgency: 'low' }, requester);
    if (!started.ok) throw new Error('start failed');
    const stale = await engine.send(started.instanceId, { type: 'accept' }, agent, { expectedSeq: 0 });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', params: { currentSeq: 1 } });
    expect(await engine.log.read(started.instanceId)).toHaveLength(1);
  });

  it('given a payload of the wrong type or an actor without the role, when sent, then a coded refusal and nothing is appended', async () => {
    const started = await engine.start('incident', { title: 'Screen', impact: 'low', urgency: 'low' }, requester);
    if (!started.ok) throw new Error('start failed');
    const wrongType = await engine.send(
      started.instanceId,
      { type: 'accept', data: { category: 42, impact: 'low', urgency: 'low' } },
      agent,
    );
    expect(wrongType).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    if (wrongType.ok) throw new Error('unexpected');
    expect(wrongType.problems?.[0]?.path).toBe('/category');
    const notAllowed = await engine.send(
      started.instanceId,
      { type: 'accept', data: { category: 'other', impact: 'low', urgency: 'low' } },
      requester,
    );
    expect(notAllowed).toMatchObject({ ok: false, code: 'ACTOR_NOT_ALLOWED' });
    const unknown = await engine.send('i_does_not_exist', { type: 'accept' }, agent);
    expect(unknown).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await engine.log.read(started.instanceId)).toHaveLength(1);
  });

  it('given a start without required data, when started, then VALIDATION_FAILED names the field and no instance exists', async () => {
    const result = await engine.start('incident', { title: 'No impact' }, requester);
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await engine.start('no-such-process', {}, requester)).toMatchObject({
      ok: false,
      code: 'PROCESS_NOT_PUBLISHED',
    });
  });

  it('given a lost projection (a crash after the append), when the instance is read, then it is repaired from the log', async () => {
    const started = await engine.start('incident', { title: 'Crash', impact: 'low', urgency: 'low' }, requester);
    if (!started.ok) throw new Error('start failed');
    await engine.send(
      started.instanceId,
      { type: 'accept', data: { category: 'other', impact: 'low', urgency: 'low' } },
      agent,
    );
    await engine.projections.collection.deleteOne({ _id: started.instanceId });
    const repaired = await engine.instance(started.instanceId);
    expect(repaired).toMatchObject({ state: 'in-progress', seq: 2 });
  });

  it('given a running P1 clock, when its breach timer fires twice, then one breach is recorded; a stale generation is ignored', async () => {
    clock.set('2026-11-27T17:00:00Z');
    const started = await engine.start('incident', { title: 'Outage', impact: 'high', urgency: 'high' }, requester);
    if (!started.ok) throw new Error('start failed');
    const breach = [...p.timers.values()].find((x) => x.instanceId === started.instanceId && x.kind === 'clock-breach');
    expect(breach?.dueAt.toISOString()).toBe('2026-11-30T12:00:00.000Z');
    if (!breach) throw new Error('no breach timer');
    clock.set(breach.dueAt);
    const first = await engine.fireTimer(breach);
    const second = await engine.fireTimer(breach);
    expect(first).toMatchObject({ ok: true, replayed: false });
    expect(second).toMatchObject({ ok: true, replayed: true });
    const events = await engine.log.read(started.instanceId);
    expect(events.map((e) => e.type)).toEqual(['started', 'sla.breached']);
    expect(await engine.fireTimer({ ...breach, id: `${breach.id}-old`, generation: 0 })).toMatchObject({ stale: true });
    const doc = await engine.projections.get(started.instanceId);
    expect(doc?.clocks['resolution']).toMatchObject({ breached: true });
  });

  it('given a resolved record reopened into a state that starts its clock again, then the new run gets breach timers with new ids', async () => {
    const variant = structuredClone(incident) as unknown as Definition;
    variant.key = 'incident-restart';
    const reopen = variant.transitions.find((x) => x.id === 'reopen');
    if (!reopen) throw new Error('no reopen transition');
    reopen.to = 'new';
    await engine.definitions.publish(variant, 'owner', clock.now());
    clock.set('2026-11-30T09:00:00Z');
    const started = await engine.start(
      'incident-restart',
      { title: 'Flaky', impact: 'low', urgency: 'low' },
      requester,
    );
    if (!started.ok) throw new Error('start failed');
    const id = started.instanceId;
    const seen = new Set([...p.timers.keys()].filter((key) => key.startsWith(`${id}:sla:`)));
    const sends: [string, Record<string, unknown>?][] = [
      ['accept', { category: 'network', impact: 'low', urgency: 'low' }],
      ['resolve', { resolution: 'Restarted the router.', closureCode: 'workaround' }],
    ];
    for (const [type, data] of sends) {
      const sent = await engine.send(id, { type, ...(data ? { data } : {}) }, agent);
      if (!sent.ok) throw new Error(`${type}: ${sent.code}`);
      for (const key of p.timers.keys()) if (key.startsWith(`${id}:sla:`)) seen.add(key);
    }
    clock.set('2026-11-30T10:00:00Z');
    const reopened = await engine.send(id, { type: 'reopen' }, requester);
    expect(reopened).toMatchObject({ ok: true, state: { state: 'new' } });
    const restarted = [...p.timers.values()].find(
      (x) => x.instanceId === id && x.kind === 'clock-breach' && !seen.has(x.id),
    );
    expect(restarted, 'a breach timer for the restarted clock').toBeDefined();
    expect(restarted?.generation).toBeGreaterThan(1);
    expect(restarted!.dueAt.getTime()).toBeGreaterThan(clock.now().getTime());
  });
});
