import type { FastifyInstance, InjectOptions } from 'fastify';
import type { ProblemCode } from '../errors/problem-codes.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import { seedUser, signIn, type SignedIn } from '../test-support/test-app.ts';

/**
 * Drives the document register into each problem it adds to the catalogue (DOCUMENT_INVALID,
 * DOCUMENT_SELF_APPROVAL, DOCUMENT_VERSION_NOT_DRAFT, DOCUMENT_WITHDRAWN), asserting each answer
 * is a well-formed problem; returns the codes produced.
 */
export async function produceDocumentProblems(app: FastifyInstance, admin: SignedIn): Promise<ProblemCode[]> {
  const produced: ProblemCode[] = [];
  const expectCode = async (request: InjectOptions, status: number, code: ProblemCode) => {
    expectProblem(await app.inject(request), status, code);
    produced.push(code);
  };
  const ok = async (request: InjectOptions) => {
    const response = await app.inject(request);
    if (response.statusCode >= 300) throw new Error(`setup failed: ${response.statusCode} ${response.body}`);
  };
  await app.platform.groups.create('doc-probe', { en: 'Document probe', zh: '文件探测' });
  await seedUser(app, 'doc-probe-editor', ['agent'], ['doc-probe']);
  const editor = await signIn(app, 'doc-probe-editor', 'doc-probe-editor-password');
  const doc = {
    id: 'probe-manual',
    title: { en: 'Probe manual', zh: '探测手册' },
    kind: 'manual',
    origin: 'external',
    classification: 'internal',
    ownerGroup: 'doc-probe',
  };

  await expectCode(
    { method: 'POST', url: '/api/documents', headers: editor.headers, payload: doc },
    422,
    'DOCUMENT_INVALID',
  );
  await ok({
    method: 'POST',
    url: '/api/documents',
    headers: editor.headers,
    payload: {
      ...doc,
      source: { publisher: 'Probe Ltd', reference: 'PR-1', edition: '1' },
      firstVersion: { content: { kind: 'markdown', text: 'probe' }, changeSummary: 'received' },
    },
  });
  const approve = (who: SignedIn): InjectOptions => ({
    method: 'POST',
    url: '/api/documents/probe-manual/versions/1/approve',
    headers: who.headers,
  });
  await expectCode(approve(editor), 403, 'DOCUMENT_SELF_APPROVAL');
  await ok(approve(admin));
  await expectCode(approve(admin), 409, 'DOCUMENT_VERSION_NOT_DRAFT');
  await ok({
    method: 'POST',
    url: '/api/documents/probe-manual/withdraw',
    headers: admin.headers,
    payload: { reason: 'probe' },
  });
  await expectCode(
    {
      method: 'POST',
      url: '/api/documents/probe-manual/versions',
      headers: editor.headers,
      payload: { content: { kind: 'markdown', text: 'late' }, changeSummary: 'late' },
    },
    409,
    'DOCUMENT_WITHDRAWN',
  );
  return produced;
}
