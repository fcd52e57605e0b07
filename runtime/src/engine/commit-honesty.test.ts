import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '@clauseflow/definition';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import { TestClock } from '../clock.ts';
import type { EngineLogger } from './engine-logger.ts';
import type { TimerRequest } from './engine-ports.ts';
import { InstanceEngine } from './instance-engine.ts';

/**
 * A change is committed once its event is appended: what follows (timers, notifications, the
 * projection) may fail on a busy database, and the caller must still hear that it happened.
 */
describe('a committed change is answered as committed', () => {
  let t: TestDatabase;
  let engine: InstanceEngine;
  const clock = new TestClock('2026-12-03T09:00:00Z');
  const warnings: string[] = [];
  const logger: EngineLogger = {
    warn: (_obj, msg) => void warnings.push(msg),
    error: (_obj, msg) => void warnings.push(msg),
  };
  const scheduled: TimerRequest[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    t = await openTestDatabase('commit_honesty');
    engine = await InstanceEngine.open(t.db, {
      clock,
      logger,
      timers: {
        schedule: async (timer) => {
          if (failuresLeft > 0) {
            failuresLeft--;
            throw new Error('database is locked (SQLITE_BUSY)');
          }
          scheduled.push(timer);
        },
        cancel: async () => {},
      },
      notifications: { enqueue: async () => {} },
    });
    await engine.definitions.publish(incident as unknown as Definition, 'owner', clock.now());
  });
  afterAll(async () => t.close());

  it('given effects that fail right after the append, then the start answers ok, and the projection and timers catch up from the log at once', async () => {
    failuresLeft = 1;
    const started = await engine.start(
      'incident',
      { title: 'Printer on fire', impact: 'high', urgency: 'high' },
      { id: 'rob', roles: ['requester'] },
    );
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(warnings).toContain('effects after a commit failed; repairing');
    await expect.poll(async () => (await engine.projections.get(started.instanceId))?.seq).toBe(1);
    await expect.poll(() => scheduled.some((timer) => timer.instanceId === started.instanceId)).toBe(true);
    expect(await engine.log.read(started.instanceId)).toHaveLength(1);
  });
});
