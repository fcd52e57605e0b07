import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '@clauseflow/definition';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import { TestClock } from '../clock.ts';
import { applyMigration, previewMigration } from './instance-migration.ts';
import { openRuntime, type Runtime } from './runtime-services.ts';

const agent = { id: 'ann', roles: ['agent'] };
const requester = { id: 'rob', roles: ['requester'] };
const owner = { id: 'olga', roles: ['process-owner'] };

describe('migrating running instances from version 1 to version 2 (real database)', () => {
  let t: TestDatabase;
  let rt: Runtime;
  const clock = new TestClock('2026-11-30T09:00:00Z');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await openTestDatabase('migration');
    rt = await openRuntime(t.db, { clock });
    const v1 = incident as unknown as Definition;
    await rt.engine.definitions.publish(v1, 'owner', clock.now());
    const start = async (name: string) => {
      const r = await rt.engine.start('incident', { title: name, impact: 'low', urgency: 'low' }, requester);
      if (!r.ok) throw new Error('start failed');
      ids[name] = r.instanceId;
      return r.instanceId;
    };
    await start('fresh');
    const working = await start('working');
    await rt.engine.send(
      working,
      { type: 'accept', data: { category: 'other', impact: 'low', urgency: 'low' } },
      agent,
    );
    const waiting = await start('waiting');
    await rt.engine.send(
      waiting,
      { type: 'accept', data: { category: 'other', impact: 'low', urgency: 'low' } },
      agent,
    );
    await rt.engine.send(waiting, { type: 'await-customer' }, agent);

    // Version 2 renames in-progress to investigating and drops waiting-for-customer.
    const v2 = JSON.parse(JSON.stringify(v1)) as Definition;
    v2.states = v2.states.filter((s) => s.id !== 'waiting-for-customer');
    v2.transitions = v2.transitions.filter((x) => x.from !== 'waiting-for-customer' && x.to !== 'waiting-for-customer');
    for (const s of v2.states) if (s.id === 'in-progress') s.id = 'investigating';
    for (const x of v2.transitions) {
      if (x.from === 'in-progress') x.from = 'investigating';
      if (x.to === 'in-progress') x.to = 'investigating';
    }
    const published = await rt.engine.definitions.publish(v2, 'owner', clock.now());
    expect(published.version).toBe(2);
  });
  afterAll(async () => t.close());

  const map = {
    processKey: 'incident',
    fromVersion: 1,
    toVersion: 2,
    states: { new: 'new', 'in-progress': 'investigating', resolved: 'resolved' },
  };

  it('given a new version is published, then running instances stay on version 1', async () => {
    expect((await rt.engine.projections.get(ids['working']!))?.processVersion).toBe(1);
  });

  it('given a state map, when previewed, then it says which instances move where and which cannot', async () => {
    const preview = await previewMigration(rt.engine, map);
    expect(preview.moves).toEqual(
      expect.arrayContaining([
        { instanceId: ids['fresh'], from: 'new', to: 'new' },
        { instanceId: ids['working'], from: 'in-progress', to: 'investigating' },
      ]),
    );
    expect(preview.blocked).toEqual([
      { instanceId: ids['waiting'], state: 'waiting-for-customer', reason: 'NO_MAPPING' },
    ]);
  });

  it('given the migration is applied, then mapped instances move with a recorded event, the unmapped one stays, and applying again changes nothing', async () => {
    const { results } = await applyMigration(rt.engine, map, owner);
    expect(results.every((r) => r.ok && !r.replayed)).toBe(true);
    const working = await rt.engine.projections.get(ids['working']!);
    expect(working).toMatchObject({ processVersion: 2, state: 'investigating' });
    const events = await rt.engine.log.read(ids['working']!);
    expect(events.at(-1)).toMatchObject({ type: 'migrate', actor: 'olga' });
    expect(await rt.engine.log.verify(ids['working']!)).toMatchObject({ ok: true });
    expect(await rt.engine.projections.get(ids['waiting']!)).toMatchObject({
      processVersion: 1,
      state: 'waiting-for-customer',
    });

    // The moved instance now runs on version 2.
    const resolved = await rt.engine.send(
      ids['working']!,
      { type: 'resolve', data: { resolution: 'ok', closureCode: 'solved' } },
      agent,
    );
    expect(resolved).toMatchObject({ ok: true, state: { state: 'resolved', process: { version: 2 } } });
    const again = await rt.engine.migrate(ids['fresh']!, map, owner);
    expect(again).toMatchObject({ ok: true, replayed: true });
  });
});
