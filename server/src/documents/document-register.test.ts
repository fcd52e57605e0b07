import { createHash } from 'node:crypto';
import { storedData } from '@clauseflow/application/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { ApiClient } from '../test-support/api-client.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import { seedUser, signIn, testApp, type SignedIn, type TestClock } from '../test-support/test-app.ts';
import type { DocumentPageSchema, DocumentView, HistoryEntry, VersionView } from '@clauseflow/application';
import type { Static } from 'typebox';

type Page = Static<typeof DocumentPageSchema>;
type Who = 'admin' | 'author' | 'reviewer' | 'outsider' | 'requester';

const VENDOR_SOURCE = {
  publisher: 'Acme Storage Inc.',
  reference: 'https://acme.example/manuals/array-9000.pdf',
  edition: '4th edition',
  receivedOn: '2026-02-20',
};

const markdown = (text: string) => ({ kind: 'markdown' as const, text });

describe('the controlled document register (ISO/IEC 20000-1 7.5.3, external documents 7.5.3.2)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let clock: TestClock;
  let api: ApiClient;
  const who = {} as Record<Who, SignedIn>;

  const register = (caller: Who, payload: object) =>
    api.call('POST', '/api/documents', { headers: who[caller].headers, payload });
  const addVersion = (caller: Who, id: string, payload: object, headers: Record<string, string> = {}) =>
    api.call('POST', '/api/documents/:id/versions', {
      url: `/api/documents/${id}/versions`,
      headers: { ...who[caller].headers, ...headers },
      payload,
    });
  const approve = (caller: Who, id: string, n: number) =>
    api.call('POST', '/api/documents/:id/versions/:n/approve', {
      url: `/api/documents/${id}/versions/${n}/approve`,
      headers: who[caller].headers,
    });
  const fetch = (caller: Who, id: string) =>
    api.call('GET', '/api/documents/:id', { url: `/api/documents/${id}`, headers: who[caller].headers });
  const fetchVersion = (caller: Who, id: string, n: number) =>
    api.call('GET', '/api/documents/:id/versions/:n', {
      url: `/api/documents/${id}/versions/${n}`,
      headers: who[caller].headers,
    });
  const history = async (caller: Who, id: string) => {
    const response = await api.call('GET', '/api/documents/:id/history', {
      url: `/api/documents/${id}/history`,
      headers: who[caller].headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: HistoryEntry[] }>().items;
  };
  const list = async (caller: Who, query = '') => {
    const response = await api.call('GET', '/api/documents', {
      url: `/api/documents${query}`,
      headers: who[caller].headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Page>();
  };
  const policy = (id: string, extra: object = {}) => ({
    id,
    title: { en: `Policy ${id}`, zh: `方针 ${id}` },
    kind: 'policy',
    origin: 'internal',
    classification: 'public',
    ownerGroup: 'policy-office',
    ...extra,
  });

  beforeAll(async () => {
    t = await openTestDatabase('document_register');
    ({ app, clock } = await testApp(t.db, { records: { scheduler: false } }));
    api = await ApiClient.for(app);
    await app.platform.groups.create('policy-office', { en: 'Policy office', zh: '制度办公室' });
    await app.platform.groups.create('other', { en: 'Other team', zh: '其他团队' });
    await seedUser(app, 'admin', ['admin']);
    await seedUser(app, 'author', ['agent'], ['policy-office']);
    await seedUser(app, 'reviewer', ['process-owner'], ['policy-office']);
    await seedUser(app, 'outsider', ['agent'], ['other']);
    await seedUser(app, 'requester', ['requester']);
    for (const name of ['admin', 'author', 'reviewer', 'outsider', 'requester'] as const) {
      who[name] = await signIn(app, name, `${name}-password`);
    }
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('given an external document without a source, when it is registered, then 422 DOCUMENT_INVALID points at /source and nothing is stored', async () => {
    const manual = { ...policy('array-manual'), kind: 'manual', origin: 'external' };
    const problem = expectProblem(await register('author', manual), 422, 'DOCUMENT_INVALID');
    expect(problem.errors?.[0]).toMatchObject({ code: 'MISSING_FIELD', path: '/source', in: 'body' });

    const noEdition = { ...manual, source: { publisher: 'Acme', reference: 'AC-1' } };
    const second = expectProblem(await register('author', noEdition), 422, 'DOCUMENT_INVALID');
    expect(second.errors?.[0]?.path).toBe('/source/edition');

    const internalWithSource = { ...policy('odd-policy'), source: VENDOR_SOURCE };
    const third = expectProblem(await register('author', internalWithSource), 422, 'DOCUMENT_INVALID');
    expect(third.errors?.[0]).toMatchObject({ code: 'INVALID_VALUE', path: '/source' });

    expect(await storedData(app.platform.clauseflow).count('documents')).toBe(0);
  });

  it('given an external document with its source, when it is registered with a first version, then the register and the version keep the source', async () => {
    const response = await register('author', {
      ...policy('array-manual'),
      kind: 'manual',
      origin: 'external',
      classification: 'internal',
      source: VENDOR_SOURCE,
      firstVersion: { content: markdown('# Array 9000\nReplace disks hot.'), changeSummary: 'Received from Acme' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['location']).toBe('/api/documents/array-manual');
    const doc = response.json<DocumentView>();
    expect(doc).toMatchObject({ origin: 'external', source: VENDOR_SOURCE, status: 'draft', latestVersion: 1 });
    expect(doc.current).toBeNull();
    const v1 = (await fetchVersion('author', 'array-manual', 1)).json<VersionView>();
    expect(v1).toMatchObject({ n: 1, status: 'draft', source: VENDOR_SOURCE, approvedBy: null });

    const nextEdition = { ...VENDOR_SOURCE, edition: '5th edition', receivedOn: '2026-03-01' };
    const v2 = await addVersion('author', 'array-manual', {
      content: { kind: 'reference', location: 'dms://vendor/acme/array-9000-5.pdf', sha256: 'a'.repeat(64) },
      changeSummary: 'Fifth edition received',
      source: nextEdition,
    });
    expect(v2.statusCode).toBe(201);
    expect(v2.json<VersionView>()).toMatchObject({ n: 2, source: nextEdition, contentSha256: 'a'.repeat(64) });
  });

  it('given a requester, then they cannot register documents; given staff outside the owner group, neither', async () => {
    expectProblem(await register('requester', policy('requester-policy')), 403, 'FORBIDDEN');
    expectProblem(await register('outsider', policy('outsider-policy')), 403, 'FORBIDDEN');
    expectProblem(await register('author', policy('ghost', { ownerGroup: 'ghosts' })), 422, 'DOCUMENT_INVALID');
    expect(
      await storedData(app.platform.clauseflow).count('documents', {
        _id: { $in: ['requester-policy', 'outsider-policy'] },
      }),
    ).toBe(0);
  });

  it('given a draft by the author, when another editor approves it, then it becomes the approved current version with who and when', async () => {
    expect((await register('author', policy('access-policy'))).statusCode).toBe(201);
    const created = await addVersion('author', 'access-policy', {
      content: markdown('Access is granted on need to know.'),
      changeSummary: 'First issue',
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['etag']).toBe('"1"');
    clock.advance(60_000);
    const approved = await approve('reviewer', 'access-policy', 1);
    expect(approved.statusCode).toBe(200);
    const doc = approved.json<DocumentView>();
    expect(doc.status).toBe('approved');
    expect(doc.currentVersion).toBe(1);
    expect(doc.current).toMatchObject({
      n: 1,
      status: 'approved',
      author: who.author.userId,
      approvedBy: who.reviewer.userId,
      approvedAt: clock.now().toISOString(),
    });
    expectProblem(await approve('admin', 'access-policy', 1), 409, 'DOCUMENT_VERSION_NOT_DRAFT');
  });

  it('given a version, when its author approves it, then 403 DOCUMENT_SELF_APPROVAL — also for an admin author', async () => {
    await addVersion('author', 'access-policy', { content: markdown('v2 text'), changeSummary: 'Second issue' });
    expectProblem(await approve('author', 'access-policy', 2), 403, 'DOCUMENT_SELF_APPROVAL');
    await addVersion('admin', 'access-policy', { content: markdown('v3 text'), changeSummary: 'Admin edit' });
    expectProblem(await approve('admin', 'access-policy', 3), 403, 'DOCUMENT_SELF_APPROVAL');
    expectProblem(await approve('outsider', 'access-policy', 2), 403, 'FORBIDDEN');
    expectProblem(await approve('requester', 'access-policy', 2), 403, 'FORBIDDEN');
    expect(await storedData(app.platform.clauseflow).count('document_approvals', { docId: 'access-policy' })).toBe(1);
  });

  it('given versions, then they are immutable: no route changes one, and the stored text keeps its sha256', async () => {
    const before = (await fetchVersion('author', 'access-policy', 1)).json<VersionView>();
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const response = await app.inject({
        method,
        url: '/api/documents/access-policy/versions/1',
        headers: who.admin.headers,
        payload: { content: markdown('rewritten') },
      });
      expectProblem(response, 405, 'METHOD_NOT_ALLOWED');
    }
    const after = (await fetchVersion('author', 'access-policy', 1)).json<VersionView>();
    expect(after.content).toEqual(before.content);
    expect(after.contentSha256).toBe(
      createHash('sha256').update('Access is granted on need to know.', 'utf8').digest('hex'),
    );
    // The unique _id is the guard: a second version 1 cannot be written.
    await expect(
      app.platform.documents.versions.insertOne({ ...(await app.platform.documents.version('access-policy', 1))! }),
    ).rejects.toThrow(/E11000|duplicate/i);
  });

  it('given drafts newer than the approved version, then readers see only the approved current version; editors see all', async () => {
    const reader = (await fetch('requester', 'access-policy')).json<DocumentView>();
    expect(reader.current).toMatchObject({ n: 1, content: markdown('Access is granted on need to know.') });
    expect(reader.latestVersion).toBeNull();
    expect(reader.canEdit).toBe(false);
    expectProblem(await fetchVersion('requester', 'access-policy', 2), 404, 'NOT_FOUND');
    expect((await fetchVersion('requester', 'access-policy', 1)).statusCode).toBe(200);
    expect((await history('requester', 'access-policy')).map((h) => h.n)).toEqual([1]);
    expect((await fetch('author', 'access-policy')).json<DocumentView>().latestVersion).toBe(3);
    expect((await history('author', 'access-policy')).map((h) => [h.n, h.status])).toEqual([
      [3, 'draft'],
      [2, 'draft'],
      [1, 'approved'],
    ]);

    // A document with only a draft does not exist for readers.
    await register('author', policy('draft-only', { firstVersion: { content: markdown('x'), changeSummary: 'x' } }));
    expectProblem(await fetch('requester', 'draft-only'), 404, 'NOT_FOUND');
    expect((await list('requester')).items.map((d) => d.id)).toEqual(['access-policy']);
    expect((await list('author')).items.map((d) => d.id)).toEqual(['access-policy', 'array-manual', 'draft-only']);

    // Approving version 2 supersedes version 1 in one step; draft 3 stays a draft.
    expect((await approve('reviewer', 'access-policy', 2)).statusCode).toBe(200);
    expect((await fetch('requester', 'access-policy')).json<DocumentView>().current).toMatchObject({
      n: 2,
      content: markdown('v2 text'),
    });
    expect((await history('requester', 'access-policy')).map((h) => [h.n, h.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expectProblem(await approve('reviewer', 'access-policy', 1), 409, 'DOCUMENT_VERSION_NOT_DRAFT');
  });

  it('given classifications, then internal documents are hidden from requesters and restricted ones from staff outside the owner group', async () => {
    await approve('reviewer', 'array-manual', 2);
    await register('author', policy('board-minutes', { kind: 'plan', classification: 'restricted' }));
    await addVersion('author', 'board-minutes', { content: markdown('secret'), changeSummary: 'x' });
    await approve('reviewer', 'board-minutes', 1);

    expectProblem(await fetch('requester', 'array-manual'), 404, 'NOT_FOUND');
    expect((await fetch('outsider', 'array-manual')).json<DocumentView>().current?.n).toBe(2);
    expectProblem(await fetch('outsider', 'board-minutes'), 404, 'NOT_FOUND');
    expectProblem(
      await addVersion('outsider', 'board-minutes', { content: markdown('x'), changeSummary: 'x' }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await addVersion('outsider', 'array-manual', { content: markdown('x'), changeSummary: 'x' }),
      403,
      'FORBIDDEN',
    );
    expect((await list('outsider')).items.map((d) => d.id)).toEqual(['access-policy', 'array-manual']);
    expect((await list('requester')).items.map((d) => d.id)).toEqual(['access-policy']);
    expect((await list('admin', '?origin=external')).items.map((d) => d.id)).toEqual(['array-manual']);
    expect((await list('author', '?status=draft')).items.map((d) => d.id)).toEqual(['draft-only']);
  });

  it('given many editors adding versions at once, then each gets a distinct number; a stale If-Match answers 412', async () => {
    await register('author', policy('busy-plan', { kind: 'plan' }));
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        addVersion(i % 2 === 0 ? 'author' : 'reviewer', 'busy-plan', {
          content: markdown(`draft ${i}`),
          changeSummary: `edit ${i}`,
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const numbers = responses.map((r) => r.json<VersionView>().n).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await storedData(app.platform.clauseflow).count('document_versions', { docId: 'busy-plan' })).toBe(8);

    expectProblem(
      await addVersion('author', 'busy-plan', { content: markdown('late'), changeSummary: 'x' }, { 'if-match': '"7"' }),
      412,
      'PRECONDITION_FAILED',
    );
    const fresh = await addVersion(
      'author',
      'busy-plan',
      { content: markdown('on top'), changeSummary: 'x' },
      {
        'if-match': '"8"',
      },
    );
    expect(fresh.json<VersionView>().n).toBe(9);
  });

  it('given a crash between an approval and the register cache, then one current version shows and the cache is repaired on read', async () => {
    const store = app.platform.documents;
    // Version 8 approved through the API (by admin: authors of 1–8 raced), then only the approval insert of version 9 (the crash).
    expect((await approve('admin', 'busy-plan', 8)).statusCode).toBe(200);
    await store.recordApproval('busy-plan', 9, who.reviewer.userId);
    expect(await store.byId('busy-plan')).toMatchObject({ currentVersion: 8, status: 'approved' });

    const doc = (await fetch('requester', 'busy-plan')).json<DocumentView>();
    expect(doc.current?.n).toBe(9);
    const statuses = (await history('author', 'busy-plan')).filter((h) => h.status === 'approved');
    expect(statuses.map((h) => h.n)).toEqual([9]);
    expect(await store.byId('busy-plan')).toMatchObject({ currentVersion: 9, status: 'approved' });
  });

  it('given an obsolete document, when it is withdrawn, then readers lose it, its history stays and it takes no new versions', async () => {
    expectProblem(
      await api.call('POST', '/api/documents/:id/withdraw', {
        url: '/api/documents/access-policy/withdraw',
        headers: who.requester.headers,
        payload: { reason: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    const withdrawn = await api.call('POST', '/api/documents/:id/withdraw', {
      url: '/api/documents/access-policy/withdraw',
      headers: who.reviewer.headers,
      payload: { reason: 'Replaced by the information security policy' },
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json<DocumentView>()).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: who.reviewer.userId, reason: 'Replaced by the information security policy' },
    });

    expectProblem(await fetch('requester', 'access-policy'), 404, 'NOT_FOUND');
    expect((await list('requester')).items.map((d) => d.id)).not.toContain('access-policy');
    expect((await list('author', '?status=withdrawn')).items.map((d) => d.id)).toEqual(['access-policy']);
    expect((await history('author', 'access-policy')).map((h) => h.n)).toEqual([3, 2, 1]);
    expectProblem(
      await addVersion('author', 'access-policy', { content: markdown('x'), changeSummary: 'x' }),
      409,
      'DOCUMENT_WITHDRAWN',
    );
    expectProblem(await approve('reviewer', 'access-policy', 3), 409, 'DOCUMENT_WITHDRAWN');
    expect(await storedData(app.platform.clauseflow).count('document_versions', { docId: 'access-policy' })).toBe(3);
    expect(await storedData(app.platform.clauseflow).count('documents', { _id: 'access-policy' })).toBe(1);
  });

  it('given a long register, then it pages by id with a cursor', async () => {
    const first = await list('admin', '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1]!.id);
    const second = await list('admin', `?limit=2&after=${first.nextCursor}`);
    expect(second.items[0]!.id > first.items[1]!.id).toBe(true);
    expectProblem(
      await app.inject({ method: 'GET', url: '/api/documents?after[$gt]=a', headers: who.admin.headers }),
      400,
      'FORBIDDEN_KEY',
    );
    expectProblem(await app.inject({ method: 'GET', url: '/api/documents' }), 401, 'UNAUTHENTICATED');
  });
});
