import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '@clauseflow/definition';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import incident from '../../../packages/definition/examples/incident.json' with { type: 'json' };
import { TestClock } from '../clock.ts';
import { openRuntime, type Runtime } from './runtime-services.ts';

const agent = { id: 'ann', roles: ['agent'] };
const requester = { id: 'rob', roles: ['requester'] };

describe('the runtime services: durable timers, two schedulers, outbox', () => {
  let t: TestDatabase;
  let a: Runtime;
  let b: Runtime;
  const clock = new TestClock('2026-11-30T09:00:00Z');

  beforeAll(async () => {
    t = await openTestDatabase('runtime_services');
    a = await openRuntime(t.db, { clock });
    b = await openRuntime(t.db, { clock });
    await a.engine.definitions.publish(incident as unknown as Definition, 'owner', clock.now());
  });
  afterAll(async () => t.close());

  it('given 20 accepted incidents, when two schedulers run the due escalation timers at once, then each fires exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
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
    const [firedA, firedB] = await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()]);
    expect(firedA + firedB).toBeGreaterThanOrEqual(20);
    for (const id of ids) {
      const escalations = (await a.engine.log.read(id)).filter((e) => e.type === 'escalate');
      expect(escalations, id).toHaveLength(1);
      expect((await a.engine.projections.get(id))?.data['escalated']).toBe(true);
    }
    expect(await a.timers.due(clock.now(), 1000)).toEqual([]);
  });

  it('given notifications enqueued by effects, when dispatched through a failing then working channel, then each is delivered once with retries recorded', async () => {
    const pending = await a.outbox.collection.countDocuments({ status: 'pending' });
    expect(pending).toBeGreaterThan(0);
    let calls = 0;
    const delivered: string[] = [];
    const flaky = {
      deliver: async (n: { id: string }) => {
        calls++;
        if (calls <= 2) throw new Error('webhook down');
        delivered.push(n.id);
      },
    };
    await a.outbox.dispatch(flaky, { limit: 1 });
    await a.outbox.dispatch(flaky, { limit: 1 }); // backed off: not due yet
    clock.advance(60_000);
    await a.outbox.dispatch(flaky, { limit: 1000 });
    clock.advance(60_000);
    await a.outbox.dispatch(flaky, { limit: 1000 });
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered.length).toBe(pending);
    expect(await a.outbox.collection.countDocuments({ status: 'sent', attempts: { $gt: 1 } })).toBeGreaterThanOrEqual(
      1,
    );
  });
});
