import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '@clauseflow/definition';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import { TestClock } from '../clock.ts';
import type { EngineLogger } from './engine-logger.ts';
import { openRuntime, type Runtime } from './runtime-services.ts';

describe('the logger the runtime is opened with', () => {
  let t: TestDatabase;
  let runtime: Runtime;
  const clock = new TestClock('2026-12-03T09:00:00Z');
  const warnings: { obj: object; msg: string }[] = [];
  const logger: EngineLogger = {
    warn: (obj, msg) => void warnings.push({ obj, msg }),
    error: (obj, msg) => void warnings.push({ obj, msg }),
  };

  beforeAll(async () => {
    t = await openTestDatabase('engine_logger');
    runtime = await openRuntime(t.db, {
      clock,
      logger,
      onProjected: () => {
        throw new Error('index down');
      },
    });
    await runtime.engine.definitions.publish(incident as unknown as Definition, 'owner', clock.now());
  });
  afterAll(async () => t.close());

  it('given an onProjected hook that fails, when an instance starts, then the start stands and the failure goes to the logger, object first', async () => {
    const started = await runtime.engine.start(
      'incident',
      { title: 'Mail down', impact: 'low', urgency: 'low' },
      { id: 'rob', roles: ['requester'] },
    );
    if (!started.ok) throw new Error(started.code);
    expect(warnings).toEqual([
      { obj: { instanceId: started.instanceId, seq: 1, err: new Error('index down') }, msg: 'onProjected failed' },
    ]);
  });
});
