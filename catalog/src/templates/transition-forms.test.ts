import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { InstanceEngine, TestClock, type EngineResult } from '@clauseflow/runtime';
import { formTransitionCases, type FormTransitionCase } from './form-transition-cases.ts';

/**
 * Issue 22 on the real runtime: for every transition of the shipped templates that a person
 * takes through a form with required fields, the engine refuses the event when a required field
 * is missing from the record, with or without a `data` object, and appends nothing; it takes the
 * event when the record already holds the fields, with no data at all.
 */
const cases = formTransitionCases('ff-engine-');

describe('the runtime enforces every form of the shipped templates', () => {
  let t: TestDatabase;
  let engine: InstanceEngine;
  const clock = new TestClock('2026-11-27T09:00:00Z');
  const noop = { schedule: async () => {}, cancel: async () => {} };

  beforeAll(async () => {
    t = await openTestDatabase('transition-forms');
    engine = await InstanceEngine.open(t.db, {
      clock,
      timers: noop,
      notifications: { enqueue: async () => {} },
    });
    for (const c of cases) await engine.definitions.publish(c.definition, 'owner', clock.now());
  });
  afterAll(async () => t.close());

  it('given the shipped templates, then there are form-guarded transitions to check in each', () => {
    expect(new Set(cases.map((c) => c.template))).toEqual(new Set(['incident', 'problem-management']));
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  /** Starts a record of the case's derived process, which must sit where the event applies. */
  const started = async (c: FormTransitionCase, data: Record<string, unknown>) => {
    const result = await engine.start(c.definition.key, data, c.actor);
    if (!result.ok)
      throw new Error(`${c.definition.key}: start refused ${result.code} ${JSON.stringify(result.params)}`);
    expect(result.state.state, 'no automatic transition moved the record on').toBe(c.from);
    return result;
  };
  const problemPaths = (result: EngineResult) => (result.ok ? [] : (result.problems ?? []).map((p) => p.path));

  for (const c of cases) {
    it(`given ${c.template} "${c.transition}" (form ${c.form}), when a required field is missing from the record, then an event with no data or with {} is refused and nothing is appended`, async () => {
      for (const field of c.required) {
        const record = await started(c, c.lacking(field));
        for (const event of [{ type: c.event }, { type: c.event, data: {} }]) {
          const result = await engine.send(record.instanceId, event, c.actor);
          expect(result, `${field} ${JSON.stringify(event)}`).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
          expect(problemPaths(result)).toContain(`/${field}`);
        }
        const log = await engine.log.read(record.instanceId);
        expect(log.map((e) => e.seq)).toEqual([1]);
      }
    });

    it(`given ${c.template} "${c.transition}", when the record already holds the form's fields, then the event is taken without any data`, async () => {
      const record = await started(c, c.holding);
      const result = await engine.send(record.instanceId, { type: c.event }, c.actor);
      expect(result.ok ? 'taken' : result.code).toBe('taken');
    });
  }
});
