import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import type { Definition } from '@clauseflow/definition';
import { DefinitionStore } from './definition-store.ts';

const at = new Date('2026-11-27T17:00:00Z');

describe('DefinitionStore on the real database', () => {
  let t: TestDatabase;
  let store: DefinitionStore;
  beforeAll(async () => {
    t = await openTestDatabase('definition_store');
    store = new DefinitionStore(t.db);
    await store.init();
  });
  afterAll(async () => t.close());

  it('given a definition with $defs/$ref keys, when published twice, then versions 1 and 2 are stored as canonical text and read back intact', async () => {
    const base = incident as unknown as Definition;
    // A record schema using $defs/$ref: keys FerretDB cannot store as document keys.
    const def: Definition = {
      ...base,
      record: {
        ...base.record,
        schema: {
          ...base.record.schema,
          $defs: { level: { type: 'string', enum: ['high', 'medium', 'low'] } },
          properties: {
            ...base.record.schema.properties,
            impact: { $ref: '#/$defs/level', 'x-label': { en: 'Impact', zh: '影响' } },
          },
        },
      },
    };
    const v1 = await store.publish({ ...def, key: 'inc-a' }, 'owner', at);
    const v2 = await store.publish({ ...def, key: 'inc-a', title: { en: 'Incidents', zh: '事件' } }, 'owner', at);
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v1.sha256).toMatch(/^[0-9a-f]{64}$/);
    const read = await store.get('inc-a', 1);
    expect(read && DefinitionStore.definitionOf(read)).toEqual({ ...def, key: 'inc-a', version: 1 });
    expect((await store.latest('inc-a'))?.version).toBe(2);
    expect((await store.list('inc-a')).map((v) => v.version)).toEqual([2, 1]);
  });

  it('given concurrent publishes of one key, when they race, then each gets its own version and none is lost', async () => {
    const def = { ...(incident as unknown as Definition), key: 'inc-race' };
    const results = await Promise.all(Array.from({ length: 8 }, () => store.publish(def, 'owner', at)));
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('given a draft at revision 1, when two saves both expect revision 1, then one wins and the other gets CONFLICT', async () => {
    const first = await store.saveDraft('inc-draft', { a: 1 }, 'owner', at);
    expect(first).toMatchObject({ ok: true, value: { rev: 1 } });
    const [a, b] = await Promise.all([
      store.saveDraft('inc-draft', { a: 2 }, 'alice', at, 1),
      store.saveDraft('inc-draft', { a: 3 }, 'bob', at, 1),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = a.ok ? b : a;
    expect(loser).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await store.latestDraft('inc-draft'))?.rev).toBe(2);
  });

  it('given a stale expected revision, when saved, then CONFLICT names the current revision and nothing is written', async () => {
    const outcome = await store.saveDraft('inc-draft', { a: 4 }, 'carol', at, 1);
    expect(outcome).toEqual({ ok: false, code: 'CONFLICT', current: 2 });
    expect((await store.latestDraft('inc-draft'))?.rev).toBe(2);
  });

  it('given a stored text that was altered, when read as a definition, then the hash check refuses it', async () => {
    const stored = await store.get('inc-a', 1);
    if (!stored) throw new Error('missing');
    expect(() =>
      DefinitionStore.definitionOf({ ...stored, text: stored.text.replace('Incident', 'Incidnet') }),
    ).toThrow(/sha256/);
  });
});
