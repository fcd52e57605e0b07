import type { FastifyInstance, InjectOptions } from 'fastify';
import type { ProblemCode } from '../../errors/problem-codes.ts';
import { expectProblem } from '../../test-support/schema-check.ts';
import { incidentData, seedRecordWorld, TRIAGE } from './record-fixture.ts';
import { referencingIncident } from './reference-fixture.ts';

/**
 * Drives the record routes into each problem they add to the catalogue (PROCESS_NOT_PUBLISHED,
 * RECORD_ACTION_REJECTED, RECORD_REFERENCE_INVALID) and the shared ones they answer
 * (PRECONDITION_FAILED), asserting each answer is a well-formed problem. Seeds its own users
 * (prefix `rec-`) and processes `rec-incident` and `rec-incident-refs`.
 */
export async function produceRecordProblems(app: FastifyInstance): Promise<ProblemCode[]> {
  const who = await seedRecordWorld(app, { prefix: 'rec-', processKey: 'rec-incident' });
  const produced: ProblemCode[] = [];
  const expectCode = async (request: InjectOptions, code: ProblemCode, status: number) => {
    expectProblem(await app.inject(request), status, code);
    produced.push(code);
  };
  const started = await app.inject({
    method: 'POST',
    url: '/api/processes/rec-incident/records',
    headers: who.requester.headers,
    payload: { data: incidentData() },
  });
  if (started.statusCode !== 201) throw new Error(`setup failed: ${started.statusCode} ${started.body}`);
  const id = started.json<{ id: string }>().id;
  await expectCode(
    { method: 'POST', url: '/api/processes/rec-field-work/records', headers: who.admin.headers, payload: { data: {} } },
    'PROCESS_NOT_PUBLISHED',
    409,
  );
  await expectCode(
    {
      method: 'POST',
      url: `/api/records/${id}/events`,
      headers: who.requester.headers,
      payload: { type: 'accept', data: TRIAGE },
    },
    'RECORD_ACTION_REJECTED',
    422,
  );
  await expectCode(
    {
      method: 'POST',
      url: `/api/records/${id}/events`,
      headers: { ...who.agent.headers, 'if-match': '"7"' },
      payload: { type: 'accept', data: TRIAGE },
    },
    'PRECONDITION_FAILED',
    412,
  );
  const refs = referencingIncident('rec-incident-refs');
  await app.platform.records.engine.definitions.publish(refs, who.owner.id, app.platform.now());
  await expectCode(
    {
      method: 'POST',
      url: '/api/processes/rec-incident-refs/records',
      headers: who.admin.headers,
      payload: { data: { ...incidentData(), ci: 'i_000000000000000000000000' } },
    },
    'RECORD_REFERENCE_INVALID',
    422,
  );
  return produced;
}
