import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildPack } from '@clauseflow/catalog';
import type { Definition } from '@clauseflow/definition';
import { catalogPackInfo } from '@clauseflow/application';
import type { FieldErrorCode, ProblemCode } from '../errors/problem-codes.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import type { SignedIn } from '../test-support/test-app.ts';
import { incidentTemplate, incidentWithoutEscalation } from './process-test-fixture.ts';

/** What the scenarios produced, for the problem-code catalogue test. */
export interface ProducedProblems {
  codes: ProblemCode[];
  fieldCodes: FieldErrorCode[];
}

/**
 * Drives the definition, pack and upgrade routes into each problem they add to the catalogue
 * (DEFINITION_INVALID, PACK_INVALID, PACK_VERSION_CONFLICT; field codes DEFINITION_ISSUE,
 * CONFORMANCE_FAILED, PACK_ISSUE, MERGE_CONFLICT), asserting each answer is a well-formed problem.
 */
export async function produceProcessProblems(app: FastifyInstance, admin: SignedIn): Promise<ProducedProblems> {
  const produced: ProducedProblems = { codes: [], fieldCodes: [] };
  const expectCode = async (request: InjectOptions, status: number, code: ProblemCode, fieldCode: FieldErrorCode) => {
    const body = expectProblem(await app.inject(request), status, code);
    if (!body.errors?.some((e) => e.code === fieldCode)) throw new Error(`${code} without ${fieldCode} errors`);
    produced.codes.push(code);
    produced.fieldCodes.push(fieldCode);
  };
  const ok = async (request: InjectOptions) => {
    const response = await app.inject(request);
    if (response.statusCode >= 300) throw new Error(`setup failed: ${response.statusCode} ${response.body}`);
    return response.json<Record<string, unknown>>();
  };
  const headers = admin.headers;
  const pack = (version: string, templates: Definition[]) => buildPack({ ...catalogPackInfo(), version }, templates);

  await ok({
    method: 'POST',
    url: '/api/processes',
    headers,
    payload: { key: 'problem-probe', title: { en: 'Probe', zh: '探测' }, owners: [admin.userId] },
  });
  await expectCode(
    { method: 'POST', url: '/api/processes/problem-probe/import', headers, payload: { formatVersion: 1 } },
    422,
    'DEFINITION_INVALID',
    'DEFINITION_ISSUE',
  );
  const overclaiming = { ...incidentWithoutEscalation(), key: 'problem-probe', claims: ['8.6.1.c'] };
  await ok({ method: 'POST', url: '/api/processes/problem-probe/import', headers, payload: overclaiming });
  await expectCode(
    { method: 'POST', url: '/api/processes/problem-probe/publish', headers },
    422,
    'DEFINITION_INVALID',
    'CONFORMANCE_FAILED',
  );

  await expectCode(
    { method: 'POST', url: '/api/packs/import?dryRun=true', headers, payload: { format: 'other' } },
    422,
    'PACK_INVALID',
    'PACK_ISSUE',
  );
  await ok({
    method: 'POST',
    url: '/api/packs/import?dryRun=false',
    headers,
    payload: pack('1.0.0', [incidentTemplate()]),
  });
  const changed = { ...incidentTemplate(), title: { en: 'Other content', zh: '其他内容' } };
  const conflict = expectProblem(
    await app.inject({
      method: 'POST',
      url: '/api/packs/import?dryRun=false',
      headers,
      payload: pack('1.0.0', [changed]),
    }),
    409,
    'PACK_VERSION_CONFLICT',
  );
  if (!conflict.detail.includes('1.0.0')) throw new Error('the conflict should name the version in use');
  produced.codes.push('PACK_VERSION_CONFLICT');

  const tailored = await ok({
    method: 'POST',
    url: `/api/catalogue/${catalogPackInfo().name}/incident/tailor`,
    headers,
    payload: { key: 'problem-copy' },
  });
  const copy = (tailored['draft'] as { definition: Definition }).definition;
  copy.states[0] = { ...copy.states[0]!, label: { en: 'Ours', zh: '我们的' } };
  await ok({
    method: 'PUT',
    url: '/api/processes/problem-copy/draft',
    headers: { ...headers, 'if-match': '"1"' },
    payload: { definition: copy },
  });
  const v2 = incidentTemplate();
  v2.version += 1;
  v2.states[0] = { ...v2.states[0]!, label: { en: 'Theirs', zh: '他们的' } };
  await ok({ method: 'POST', url: '/api/packs/import?dryRun=false', headers, payload: pack('1.1.0', [v2]) });
  await expectCode(
    { method: 'POST', url: `/api/packs/${catalogPackInfo().name}/upgrades/problem-copy/apply`, headers },
    409,
    'CONFLICT',
    'MERGE_CONFLICT',
  );
  return produced;
}
