import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formTransitionCases } from '@clauseflow/catalog/testing';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { testApp } from '../test-support/test-app.ts';

/**
 * Issue 22 over HTTP: `POST /api/records/:id/events` refuses an event through a form whose
 * required field the record lacks, with or without `data`, as 400 VALIDATION_FAILED with a
 * JSON Pointer to the field, and stores nothing; it takes the event when the record holds it.
 * Every form-guarded transition a person takes in the shipped templates is checked.
 */
const cases = formTransitionCases('ff-http-');

describe('POST /api/records/:id/events enforces every form of the shipped templates', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await openTestDatabase('transition-forms-http');
    ({ app } = await testApp(t.db));
    const { users, apiTokens, records } = app.platform;
    await records.init();
    const worker = await users.create({
      username: 'form-tester',
      displayName: 'Form tester',
      password: 'form-tester-password',
      roles: ['agent', 'requester'],
      groups: [],
    });
    const { secret } = await apiTokens.create({ name: 'forms', userId: worker._id, createdBy: worker._id });
    headers = { authorization: `Bearer ${secret}` };
    for (const c of cases) {
      // Every role of the process granted to the one caller, so only the data can stand in the way.
      const grants = c.actor.roles.map((role) => ({ role, users: [worker._id], groups: [] }));
      await records.processes.create(
        c.definition.key,
        { title: { en: c.transition, zh: c.transition }, owners: [], grants },
        worker._id,
      );
      await records.engine.definitions.publish(c.definition, worker._id, app.platform.now());
    }
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const start = async (key: string, data: Record<string, unknown>) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/processes/${key}/records`,
      headers,
      payload: { data },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; seq: number }>();
  };
  const send = (id: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/records/${id}/events`, headers, payload });

  for (const c of cases) {
    it(`given ${c.template} "${c.transition}", when a required field is missing from the record, then no data and {} both answer 400 with a pointer and store nothing; when the record holds it, no data is taken`, async () => {
      for (const field of c.required) {
        const record = await start(c.definition.key, c.lacking(field));
        for (const payload of [{ type: c.event }, { type: c.event, data: {} }]) {
          const refused = await send(record.id, payload);
          expect(refused.statusCode, `${field} ${JSON.stringify(payload)}`).toBe(400);
          const problem = refused.json<{ code: string; errors: { path: string; code: string }[] }>();
          expect(problem.code).toBe('VALIDATION_FAILED');
          expect(problem.errors).toContainEqual(
            expect.objectContaining({ code: 'MISSING_FIELD', path: `/data/${field}` }),
          );
        }
        const history = await app.inject({ method: 'GET', url: `/api/records/${record.id}/history`, headers });
        expect(history.json<{ items: unknown[] }>().items).toHaveLength(1);
      }
      const holding = await start(c.definition.key, c.holding);
      const taken = await send(holding.id, { type: c.event });
      expect(taken.statusCode, taken.body).toBe(200);
    });
  }
});
