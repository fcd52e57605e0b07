import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '@clauseflow/definition';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import { TestClock } from '../clock.ts';
import { openRuntime, type Runtime } from './runtime-services.ts';

const agent = { id: 'ann', roles: ['agent'] };
const requester = { id: 'rob', roles: ['requester'] };

describe('the runtime: engine timers through the durable timer store, two schedulers, notifications through the outbox', () => {
  let t: TestDatabase;
  let a: Runtime;
  let b: Runtime;
  const clock = new TestClock('2026-11-30T09:00:00Z');
  const delivered: string[] = [];
  const fired: string[] = [];

  beforeAll(async () => {
    t = await openTestDatabase('runtime_services');
    const adapters = [{ channel: 'log', deliver: async (m: { _id: string }) => void delivered.push(m._id) }];
    a = await openRuntime(t.db, { clock, adapters, onTimerFired: (timer) => fired.push(timer.id) });
    b = await openRuntime(t.db, { clock, adapters, onTimerFired: (timer) => fired.push(timer.id) });
    await a.engine.definitions.publish(incident as unknown as Definition, 'owner', clock.now());
  });
  afterAll(async () => t.close());

  it('given 10 accepted incidents, when two schedulers run the due escalation timers at once, then each fires exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const started = await a.engine.start('incident', { title: `n${i}`, impact: 'low', urgency: 'low' }, requester);
      if (!started.ok) throw new Error('start failed');
      const accepted = await a.engine.send(
        started.instanceId,
        { type: 'accept', data: { category: 'other', impact: 'low', urgency: 'low' } },
        agent,
      );
      if (!accepted.ok) throw new Error(JSON.stringify(accepted));
      ids.push(started.instanceId);
    }
    clock.set('2026-11-30T11:00:00Z'); // two business hours later
    await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()]);
    for (const id of ids) {
      const escalations = (await a.engine.log.read(id)).filter((e) => e.type === 'escalate');
      expect(escalations, id).toHaveLength(1);
      expect((await a.engine.projections.get(id))?.data['escalated']).toBe(true);
    }
    expect(await a.timers.due(clock.now(), 1000)).toEqual([]);
    // Every due timer was reported to the onTimerFired hook (metrics), at least once.
    expect(new Set(fired).size).toBe(10);
  });

  it('given the notifications those steps enqueued, when two dispatchers run, then each is delivered once', async () => {
    const pending = await a.outbox.collection.countDocuments({ status: 'pending' });
    expect(pending).toBe(20); // 10 "new incident" to agents, 10 escalations to the incident manager
    await Promise.all([a.dispatcher.runDue(), b.dispatcher.runDue()]);
    expect(delivered.length).toBeGreaterThanOrEqual(pending);
    expect(await a.outbox.collection.countDocuments({ status: 'delivered' })).toBe(pending);
  });
});
