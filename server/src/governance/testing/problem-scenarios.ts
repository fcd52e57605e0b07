import type { FastifyInstance, InjectOptions } from 'fastify';
import type { ProblemCode } from '../../errors/problem-codes.ts';
import { seedRecordWorld } from '../../records/testing/record-fixture.ts';
import { expectProblem } from '../../test-support/schema-check.ts';
import { closedRecord, openRecord } from './governance-fixture.ts';

/**
 * Drives the disposal route into each problem it adds to the catalogue (RECORD_NOT_CLOSED,
 * RETENTION_NOT_ELAPSED), asserting each answer is a well-formed problem. Seeds its own users
 * (prefix `gov-`) and process `gov-incident`.
 */
export async function produceGovernanceProblems(app: FastifyInstance): Promise<ProblemCode[]> {
  const who = await seedRecordWorld(app, { prefix: 'gov-', processKey: 'gov-incident' });
  const produced: ProblemCode[] = [];
  const expectCode = async (request: InjectOptions, code: ProblemCode, status: number) => {
    expectProblem(await app.inject(request), status, code);
    produced.push(code);
  };
  const dispose = (id: string): InjectOptions => ({
    method: 'POST',
    url: `/api/records/${id}/disposal`,
    headers: who.admin.headers,
    payload: { reason: 'Probe' },
  });
  const open = await openRecord(app, who.requester, 'Open', 'gov-incident');
  await expectCode(dispose(open), 'RECORD_NOT_CLOSED', 409);
  const closed = await closedRecord(app, who, 'Closed', 'gov-incident');
  await expectCode(dispose(closed), 'RETENTION_NOT_ELAPSED', 409);
  return produced;
}
