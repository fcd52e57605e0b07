import { describe, expect, it } from 'vitest';
import { useCastWorld } from '../test-support/test-world.ts';
import { incidentDefinition, incidentWithoutEscalation } from './process-test-fixture.ts';
import { expectProblem } from '../test-support/schema-check.ts';

describe('definition routes: drafts, validation, publish, versions, diff, export and import', () => {
  const world = useCastWorld('definition_routes');

  const owner = () => world.cast.who.owner.headers;

  async function createProcess(key: string): Promise<void> {
    const response = await world.api.call('POST', '/api/processes', {
      headers: world.cast.who.admin.headers,
      payload: {
        key,
        title: { en: key, zh: key },
        owners: [world.cast.ids.owner],
        grants: [{ role: 'agent', users: [], groups: ['desk'] }],
      },
    });
    expect(response.statusCode).toBe(201);
  }

  async function saveDraft(key: string, definition: unknown, rev: number) {
    return world.api.call('PUT', '/api/processes/:key/draft', {
      url: `/api/processes/${key}/draft`,
      headers: { ...owner(), 'if-match': `"${rev}"` },
      payload: { definition },
    });
  }

  it('given an owner, when they save drafts with If-Match, then revisions advance and a stale revision answers 412', async () => {
    await createProcess('drafts');
    const first = await saveDraft('drafts', incidentDefinition('drafts'), 0);
    expect(first.statusCode).toBe(200);
    expect(first.headers['etag']).toBe('"1"');
    expect(first.json()).toMatchObject({ key: 'drafts', rev: 1, valid: true, savedBy: world.cast.ids.owner });

    const stale = await saveDraft('drafts', incidentDefinition('drafts'), 0);
    expectProblem(stale, 412, 'PRECONDITION_FAILED');

    const second = await saveDraft('drafts', { ...incidentDefinition('drafts'), title: { en: 'B', zh: '乙' } }, 1);
    expect(second.json()).toMatchObject({ rev: 2 });
    const latest = await world.api.call('GET', '/api/processes/:key/draft', {
      url: '/api/processes/drafts/draft',
      headers: owner(),
    });
    expect(latest.json()).toMatchObject({ rev: 2, definition: { title: { en: 'B' } } });
    expect(latest.headers['etag']).toBe('"2"');
  });

  it('given a draft whose key is another process, then saving answers 400 with a pointer to the key', async () => {
    await createProcess('keyed');
    const response = await saveDraft('keyed', incidentDefinition('someone-else'), 0);
    const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(problem.errors?.[0]).toMatchObject({ code: 'INVALID_VALUE', path: '/definition/key', in: 'body' });
  });

  it('given a draft, when validated, then it answers its issues and its conformance summary', async () => {
    await createProcess('validated');
    await saveDraft('validated', { ...incidentDefinition('validated'), initialState: 'nowhere' }, 0);
    const response = await world.api.call('POST', '/api/processes/:key/draft/validate', {
      url: '/api/processes/validated/draft/validate',
      headers: owner(),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ valid: boolean; issues: { path: string; severity: string }[]; rev: number }>();
    expect(body.valid).toBe(false);
    expect(body.issues.some((i) => i.severity === 'error' && i.path === '/initialState')).toBe(true);
  });

  it('given a draft with validation errors, when published, then 422 DEFINITION_INVALID lists each error with a JSON Pointer and nothing is published', async () => {
    await createProcess('broken');
    await saveDraft('broken', { ...incidentDefinition('broken'), initialState: 'nowhere' }, 0);
    const response = await world.api.call('POST', '/api/processes/:key/publish', {
      url: '/api/processes/broken/publish',
      headers: owner(),
    });
    const problem = expectProblem(response, 422, 'DEFINITION_INVALID');
    expect(problem.errors).toContainEqual(expect.objectContaining({ code: 'DEFINITION_ISSUE', path: '/initialState' }));
    const versions = await world.api.call('GET', '/api/processes/:key/versions', {
      url: '/api/processes/broken/versions',
      headers: owner(),
    });
    expect(versions.json()).toEqual({ items: [] });
  });

  it('given a draft that claims a requirement it fails, when published, then 422 names the requirement and points where the fix belongs', async () => {
    await createProcess('overclaimed');
    await saveDraft(
      'overclaimed',
      { ...incidentWithoutEscalation(), key: 'overclaimed', version: 1, claims: ['8.6.1.b', '8.6.1.c'] },
      0,
    );
    const response = await world.api.call('POST', '/api/processes/:key/publish', {
      url: '/api/processes/overclaimed/publish',
      headers: owner(),
    });
    const problem = expectProblem(response, 422, 'DEFINITION_INVALID');
    expect(problem.detail).toContain('8.6.1.c');
    expect(problem.detail).not.toContain('8.6.1.b');
    expect(problem.errors?.length).toBeGreaterThan(0);
    for (const error of problem.errors ?? []) {
      expect(error.code).toBe('CONFORMANCE_FAILED');
      expect(error.path).toMatch(/^\/transitions/);
      expect(error.message).toMatch(/^8\.6\.1\.c:/);
    }
  });

  it('given a valid draft, when published twice, then versions list newest first, fetch, diff structurally and export as a file', async () => {
    await createProcess('lifecycle');
    await saveDraft('lifecycle', incidentDefinition('lifecycle'), 0);
    const first = await world.api.call('POST', '/api/processes/:key/publish', {
      url: '/api/processes/lifecycle/publish',
      headers: { ...owner(), 'if-match': '"1"' },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ version: { key: 'lifecycle', version: 1 }, conformance: { ok: true } });

    const changed = incidentDefinition('lifecycle');
    changed.title = { en: 'Incidents', zh: '事件' };
    changed.states[0] = { ...changed.states[0]!, label: { en: 'Logged', zh: '已登记' } };
    await saveDraft('lifecycle', changed, 1);
    const stalePublish = await world.api.call('POST', '/api/processes/:key/publish', {
      url: '/api/processes/lifecycle/publish',
      headers: { ...owner(), 'if-match': '"1"' },
    });
    expectProblem(stalePublish, 412, 'PRECONDITION_FAILED');
    const second = await world.api.call('POST', '/api/processes/:key/publish', {
      url: '/api/processes/lifecycle/publish',
      headers: owner(),
    });
    expect(second.json()).toMatchObject({ version: { version: 2 } });

    const versions = await world.api.call('GET', '/api/processes/:key/versions', {
      url: '/api/processes/lifecycle/versions',
      headers: world.cast.who.agent.headers,
    });
    expect(versions.json<{ items: { version: number }[] }>().items.map((v) => v.version)).toEqual([2, 1]);

    const one = await world.api.call('GET', '/api/processes/:key/versions/:version', {
      url: '/api/processes/lifecycle/versions/1',
      headers: world.cast.who.agent.headers,
    });
    expect(one.json()).toMatchObject({ version: 1, definition: { key: 'lifecycle', version: 1 } });

    const diff = await world.api.call('GET', '/api/processes/:key/diff', {
      url: '/api/processes/lifecycle/diff?from=1&to=2',
      headers: world.cast.who.agent.headers,
    });
    const body = diff.json<{
      identical: boolean;
      meta: { path: string }[];
      collections: { states: { changed: { id: string }[] } };
    }>();
    expect(body.identical).toBe(false);
    expect(body.meta.map((c) => c.path)).toContain('/title/en');
    expect(body.collections.states.changed.map((c) => c.id)).toEqual([changed.states[0].id]);

    const exported = await world.api.call('GET', '/api/processes/:key/versions/:version/export', {
      url: '/api/processes/lifecycle/versions/2/export',
      headers: world.cast.who.agent.headers,
    });
    expect(exported.headers['content-disposition']).toBe('attachment; filename="lifecycle-v2.json"');
    expect(exported.json()).toMatchObject({ key: 'lifecycle', version: 2, title: { en: 'Incidents' } });

    const missing = await world.api.call('GET', '/api/processes/:key/versions/:version', {
      url: '/api/processes/lifecycle/versions/9',
      headers: owner(),
    });
    expectProblem(missing, 404, 'NOT_FOUND');
  });

  it('given an exported file, when imported, then it becomes a new draft revision; an invalid file answers 422 and saves nothing', async () => {
    await createProcess('imported');
    const file = { ...incidentDefinition('imported'), version: 7 };
    const response = await world.api.call('POST', '/api/processes/:key/import', {
      url: '/api/processes/imported/import',
      headers: owner(),
      payload: file,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ rev: 1, valid: true, definition: { key: 'imported', version: 7 } });

    const invalid = await world.api.call('POST', '/api/processes/:key/import', {
      url: '/api/processes/imported/import',
      headers: owner(),
      payload: { ...file, states: [] },
    });
    const problem = expectProblem(invalid, 422, 'DEFINITION_INVALID');
    expect(problem.errors?.[0]).toMatchObject({ code: 'DEFINITION_ISSUE', in: 'body' });
    expect(problem.errors?.[0]?.path).toMatch(/^\/states/);
    const draft = await world.api.call('GET', '/api/processes/:key/draft', {
      url: '/api/processes/imported/draft',
      headers: owner(),
    });
    expect(draft.json()).toMatchObject({ rev: 1 });
  });
});
