import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, initialState, step, type CompiledProcess, type Definition } from '@clauseflow/definition';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { InstanceEngine, TestClock } from '@clauseflow/runtime';
import { testApp } from '../test-support/test-app.ts';

/**
 * Issue 22, acceptance 2: the pure core (`step()`, what every simulator runs), the engine and the
 * HTTP route give the same verdict on the same state, record and event. Generated: which fields
 * the `accept` transition's form requires, which of them the record already holds, and whether
 * the event carries no data, `{}` or some of the fields. The verdict must also be the rule's:
 * refused exactly when a required field is on neither the record nor the event.
 */
const FIELDS = ['category', 'impact', 'urgency'] as const;
const VALUES: Record<(typeof FIELDS)[number], string> = { category: 'software', impact: 'low', urgency: 'low' };
const agent = { id: 'prop-agent', roles: ['agent'] };

/** The incident example with the triage form requiring the fields of `mask`, and only a title required to start. */
function variant(mask: number): Definition {
  const base = structuredClone(incident) as unknown as Definition;
  const { startForm: _startForm, claims: _claims, ...rest } = base;
  const definition = { ...rest, key: `prop-${mask}` } as Definition;
  (definition.record.schema as { required?: string[] }).required = ['title'];
  const triage = definition.forms.find((form) => form.id === 'triage')!;
  for (const field of triage.sections[0]!.fields)
    field.required = (mask & (1 << FIELDS.indexOf(field.field as never))) !== 0;
  return definition;
}

const pick = (mask: number) =>
  Object.fromEntries(FIELDS.filter((_, i) => (mask & (1 << i)) !== 0).map((f) => [f, VALUES[f]]));

describe('one form rule in step(), the engine and the HTTP route', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let engine: InstanceEngine;
  let headers: Record<string, string>;
  const compiled = new Map<number, CompiledProcess>();

  beforeAll(async () => {
    t = await openTestDatabase('form-rule-property');
    ({ app } = await testApp(t.db));
    const clock = new TestClock('2026-11-27T09:00:00Z');
    engine = await InstanceEngine.open(t.db, {
      clock,
      timers: { schedule: async () => {}, cancel: async () => {} },
      notifications: { enqueue: async () => {} },
    });
    const { users, apiTokens, records } = app.platform;
    await records.init();
    const user = await users.create({
      username: 'prop-agent',
      displayName: 'Agent',
      password: 'prop-agent-password',
      roles: ['agent', 'requester'],
      groups: [],
    });
    headers = {
      authorization: `Bearer ${(await apiTokens.create({ name: 'p', userId: user._id, createdBy: user._id })).secret}`,
    };
    const roles = (incident as unknown as Definition).roles.map((role) => role.id);
    for (let mask = 0; mask < 8; mask++) {
      const definition = variant(mask);
      compiled.set(mask, compile(definition));
      await engine.definitions.publish(definition, 'owner', clock.now());
      await records.processes.create(
        definition.key,
        {
          title: { en: 'Prop', zh: '属性' },
          owners: [],
          grants: roles.map((role) => ({ role, users: [user._id], groups: [] })),
        },
        user._id,
      );
      await records.engine.definitions.publish(definition, user._id, app.platform.now());
    }
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('given generated forms, records and events, then step(), the engine and the route agree with the rule', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 7 }),
        fc.oneof(fc.constant<'none' | '{}'>('none'), fc.constant<'none' | '{}'>('{}'), fc.integer({ min: 1, max: 7 })),
        async (required, onRecord, sent) => {
          const start = { title: 'Printer jam', ...pick(onRecord) };
          const data = sent === 'none' ? undefined : sent === '{}' ? {} : pick(sent);
          const event = { type: 'accept', ...(data ? { data } : {}) };
          const held = onRecord | (typeof sent === 'number' ? sent : 0);
          const expected = (required & ~held) === 0 ? 'taken' : 'refused';

          const process = compiled.get(required)!;
          const begun = await initialState(process, start, { actor: agent, at: '2026-11-27T09:00:00Z' });
          if (!begun.ok) throw new Error(begun.rejection.code);
          const pure = await step(process, begun.state, { ...event, actor: agent, at: '2026-11-27T09:05:00Z' });
          const pureVerdict = pure.ok
            ? 'taken'
            : pure.rejection.code === 'DATA_INVALID'
              ? 'refused'
              : pure.rejection.code;

          const record = await engine.start(`prop-${required}`, start, agent);
          if (!record.ok) throw new Error(record.code);
          const sentToEngine = await engine.send(record.instanceId, event, agent);
          const engineVerdict = sentToEngine.ok
            ? 'taken'
            : sentToEngine.code === 'VALIDATION_FAILED'
              ? 'refused'
              : sentToEngine.code;

          const created = await app.inject({
            method: 'POST',
            url: `/api/processes/prop-${required}/records`,
            headers,
            payload: { data: start },
          });
          const id = created.json<{ id: string }>().id;
          const answered = await app.inject({
            method: 'POST',
            url: `/api/records/${id}/events`,
            headers,
            payload: event,
          });
          const routeVerdict =
            answered.statusCode === 200
              ? 'taken'
              : answered.statusCode === 400
                ? 'refused'
                : `HTTP ${answered.statusCode}`;

          expect({ pure: pureVerdict, engine: engineVerdict, route: routeVerdict }).toEqual({
            pure: expected,
            engine: expected,
            route: expected,
          });
        },
      ),
      { numRuns: 40, seed: 2212 },
    );
  });
});
