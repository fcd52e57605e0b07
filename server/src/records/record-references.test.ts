import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { storedData } from '@clauseflow/application/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import type { Definition } from '@clauseflow/definition';
import { ApiClient } from '../test-support/api-client.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import { testApp } from '../test-support/test-app.ts';
import { incidentData, seedRecordWorld, TRIAGE, type Caller, type Party } from './testing/record-fixture.ts';
import { CMDB_CI, KNOWN_ERROR, RELEASE, referencingIncident } from './testing/reference-fixture.ts';

interface RecordView {
  id: string;
  title: string;
  state: string;
  data: Record<string, unknown>;
  references?: Record<string, unknown>;
}
interface Item {
  id: string;
  title: string;
  state: string;
}

const MISSING = 'i_000000000000000000000000';

describe('record-reference fields: configuration items, known errors and releases referenced from incidents', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: ApiClient;
  let who: Record<Party, Caller>;
  const ids = {} as Record<'mail' | 'router' | 'laptop' | 'knownError' | 'release' | 'agentIncident', string>;

  const publish = async (caller: Caller, definition: Definition): Promise<LightMyRequestResponse> => {
    const key = definition.key;
    const saved = await api.call('PUT', '/api/processes/:key/draft', {
      url: `/api/processes/${key}/draft`,
      headers: caller.headers,
      payload: { definition },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    return api.call('POST', '/api/processes/:key/publish', {
      url: `/api/processes/${key}/publish`,
      headers: caller.headers,
    });
  };
  const start = (caller: Caller, key: string, data: Record<string, unknown>, headers: Record<string, string> = {}) =>
    api.call('POST', '/api/processes/:key/records', {
      url: `/api/processes/${key}/records`,
      headers: { ...caller.headers, ...headers },
      payload: { data },
    });
  const started = async (caller: Caller, key: string, data: Record<string, unknown>): Promise<string> => {
    const response = await start(caller, key, data);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const view = async (caller: Caller, id: string): Promise<RecordView> => {
    const response = await api.call('GET', '/api/records/:id', { url: `/api/records/${id}`, headers: caller.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<RecordView>();
  };
  const lookup = (caller: Caller, key: string, query: string) =>
    api.call('GET', '/api/processes/:key/records/lookup', {
      url: `/api/processes/${key}/records/lookup${query}`,
      headers: caller.headers,
    });
  const found = async (caller: Caller, key: string, query: string): Promise<string[]> => {
    const response = await lookup(caller, key, query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Item[] }>().items.map((item) => item.title);
  };
  const referencedBy = (caller: Caller, id: string) =>
    api.call('GET', '/api/records/:id/referenced-by', {
      url: `/api/records/${id}/referenced-by`,
      headers: caller.headers,
    });
  /** Every record and reference-index entry: a refused request must leave both as they were. */
  const stored = async () => ({
    instances: await storedData(app.platform.clauseflow).count('instances'),
    events: await storedData(app.platform.clauseflow).count('events'),
    refs: await storedData(app.platform.clauseflow).count('record_refs'),
  });

  beforeAll(async () => {
    t = await openTestDatabase('record_references');
    ({ app } = await testApp(t.db, { records: { scheduler: false } }));
    api = await ApiClient.for(app);
    who = await seedRecordWorld(app);
    // Configuration items are worked by both agent groups; staff may register their own devices.
    const grants = {
      'cmdb-ci': [
        { role: 'agent', users: [], groups: ['desk', 'field'] },
        { role: 'requester', users: [], groups: ['staff'] },
      ],
      'known-error': [{ role: 'agent', users: [], groups: ['desk'] }],
      release: [{ role: 'agent', users: [], groups: ['desk'] }],
    };
    for (const [key, grant] of Object.entries(grants)) {
      const created = await api.call('POST', '/api/processes', {
        headers: who.admin.headers,
        payload: { key, title: { en: key, zh: key }, owners: [who.owner.id], grants: grant },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('given an incident whose reference fields name processes not yet published, when published, then 422 DEFINITION_INVALID lists each field and nothing is published', async () => {
    const response = await publish(who.owner, referencingIncident('incident'));
    const problem = expectProblem(response, 422, 'DEFINITION_INVALID');
    expect(problem.errors?.map((e) => [e.code, e.issue, e.path])).toEqual([
      ['DEFINITION_ISSUE', 'UNKNOWN_REFERENCED_PROCESS', '/record/schema/properties/ci/x-ref/process'],
      ['DEFINITION_ISSUE', 'UNKNOWN_REFERENCED_PROCESS', '/record/schema/properties/knownErrors/x-ref/process'],
      ['DEFINITION_ISSUE', 'UNKNOWN_REFERENCED_PROCESS', '/record/schema/properties/release/x-ref/process'],
    ]);
    expect((await app.platform.definitions.latest('incident'))?.version).toBe(1);
    // Validating the draft tells the designer the same before a publish is tried.
    const validated = await api.call('POST', '/api/processes/:key/draft/validate', {
      url: '/api/processes/incident/draft/validate',
      headers: who.owner.headers,
    });
    const result = validated.json<{ valid: boolean; issues: { code: string; path: string }[] }>();
    expect(result.valid).toBe(false);
    expect(result.issues.filter((i) => i.code === 'UNKNOWN_REFERENCED_PROCESS').map((i) => i.path)).toEqual([
      '/record/schema/properties/ci/x-ref/process',
      '/record/schema/properties/knownErrors/x-ref/process',
      '/record/schema/properties/release/x-ref/process',
    ]);
  });

  it('given a reference field of the wrong type, when published, then 422 DEFINITION_INVALID with INVALID_RECORD_REFERENCE at its type', async () => {
    const definition = referencingIncident('incident');
    definition.record.schema.properties['ci'] = { ...definition.record.schema.properties['ci']!, type: 'integer' };
    const problem = expectProblem(await publish(who.owner, definition), 422, 'DEFINITION_INVALID');
    expect(problem.errors?.map((e) => [e.issue, e.path])).toContainEqual([
      'INVALID_RECORD_REFERENCE',
      '/record/schema/properties/ci/type',
    ]);
  });

  it('given the configuration-item, known-error and release processes are published, when the referencing incident is published, then it becomes version 2', async () => {
    for (const definition of [CMDB_CI, KNOWN_ERROR, RELEASE]) {
      const response = await publish(who.owner, definition);
      expect(response.statusCode, response.body).toBe(201);
    }
    const response = await publish(who.owner, referencingIncident('incident'));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<{ version: { version: number } }>().version.version).toBe(2);
  });

  it('given configuration items, a known error and a release, when an agent raises an incident referencing them, then 201 and the view resolves each title and state', async () => {
    ids.mail = await started(who.agent, 'cmdb-ci', { name: 'Mail server', ciType: 'server' });
    ids.router = await started(who.otherAgent, 'cmdb-ci', { name: 'Core router .* edge', ciType: 'network' });
    ids.laptop = await started(who.requester, 'cmdb-ci', { name: 'Laptop of the requester', ciType: 'application' });
    ids.knownError = await started(who.agent, 'known-error', {
      title: 'Outlook crashes at start',
      workaround: 'Start it in safe mode.',
    });
    ids.release = await started(who.agent, 'release', {
      name: 'Platform release 2026.03',
      plannedAt: '2026-03-20',
      outcome: 'pending',
    });

    ids.agentIncident = await started(who.agent, 'incident', {
      ...incidentData('Mail bounces'),
      ci: ids.mail,
      knownErrors: [ids.knownError],
      release: ids.release,
    });
    const incident = await view(who.agent, ids.agentIncident);
    expect(incident.references).toEqual({
      ci: { id: ids.mail, visible: true, processKey: 'cmdb-ci', title: 'Mail server', state: 'active' },
      knownErrors: [
        {
          id: ids.knownError,
          visible: true,
          processKey: 'known-error',
          title: 'Outlook crashes at start',
          state: 'active',
        },
      ],
      release: {
        id: ids.release,
        visible: true,
        processKey: 'release',
        title: 'Platform release 2026.03',
        state: 'active',
      },
    });
  });

  it.each([
    ['a record id that does not exist', () => ({ ci: MISSING }), '/data/ci'],
    ['a record of another process', () => ({ ci: ids.knownError }), '/data/ci'],
    ['a string that is no record id at all', () => ({ ci: 'mail-server' }), '/data/ci'],
    [
      'a missing record in the second place of a list',
      () => ({ knownErrors: [ids.knownError, MISSING] }),
      '/data/knownErrors/1',
    ],
  ])(
    'given %s in a reference field, when an incident is raised, then 422 RECORD_REFERENCE_INVALID points at the value and nothing is stored',
    async (_name, refs, path) => {
      const before = await stored();
      const problem = expectProblem(
        await start(who.agent, 'incident', { ...incidentData('Bad reference'), ...refs() }),
        422,
        'RECORD_REFERENCE_INVALID',
      );
      expect(problem.errors?.map((e) => [e.code, e.path, e.in])).toEqual([['INVALID_VALUE', path, 'body']]);
      expect(await stored()).toEqual(before);
    },
  );

  it('given a configuration item the requester may not see, when they reference it, then the answer is the same 422 as for a missing record (no existence leak) and nothing is stored', async () => {
    const before = await stored();
    const invisible = expectProblem(
      await start(who.requester, 'incident', { ...incidentData('My mail'), ci: ids.mail }),
      422,
      'RECORD_REFERENCE_INVALID',
    );
    const missing = expectProblem(
      await start(who.requester, 'incident', { ...incidentData('My mail'), ci: MISSING }),
      422,
      'RECORD_REFERENCE_INVALID',
    );
    const anonymised = (text: string) => text.replaceAll(ids.mail, 'ID').replaceAll(MISSING, 'ID');
    expect(anonymised(JSON.stringify(invisible.errors))).toBe(anonymised(JSON.stringify(missing.errors)));
    expect(anonymised(invisible.detail ?? '')).toBe(anonymised(missing.detail ?? ''));
    expect(JSON.stringify(invisible)).not.toContain('Mail server');
    expect(await stored()).toEqual(before);
  });

  it('given an event whose payload sets a reference field, then it is checked like a start: a missing record is refused, a visible one accepted and shown only to those who may see it', async () => {
    const id = await started(who.requester, 'incident', { ...incidentData('Laptop is slow'), ci: ids.laptop });
    const before = await stored();
    const bad = await api.call('POST', '/api/records/:id/events', {
      url: `/api/records/${id}/events`,
      headers: who.agent.headers,
      payload: { type: 'accept', data: { ...TRIAGE, ci: MISSING } },
    });
    expect(expectProblem(bad, 422, 'RECORD_REFERENCE_INVALID').errors?.[0]?.path).toBe('/data/ci');
    expect(await stored()).toEqual(before);

    const accepted = await api.call('POST', '/api/records/:id/events', {
      url: `/api/records/${id}/events`,
      headers: who.agent.headers,
      payload: { type: 'accept', data: { ...TRIAGE, ci: ids.mail } },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    // The requester sees their incident, but not the configuration item it now names: no title leaks.
    const requesterView = await view(who.requester, id);
    expect(requesterView.references?.['ci']).toEqual({ id: ids.mail, visible: false });
    expect(JSON.stringify(requesterView.references)).not.toContain('Mail server');
    expect((await view(who.agent, id)).references?.['ci']).toMatchObject({ visible: true, title: 'Mail server' });

    // The laptop is no longer referenced by it: the old index entry no longer counts.
    const laptop = await referencedBy(who.requester, ids.laptop);
    expect(laptop.statusCode, laptop.body).toBe(200);
    expect(laptop.json<{ items: unknown[] }>().items).toEqual([]);
    const mail = await referencedBy(who.agent, ids.mail);
    expect(mail.json<{ items: { id: string; field: string }[] }>().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, field: 'ci', processKey: 'incident', title: 'Laptop is slow' }),
        expect.objectContaining({ id: ids.agentIncident, field: 'ci', title: 'Mail bounces' }),
      ]),
    );
  });

  it('given the lookup, then it finds records of the process by title, case-insensitively, only those the caller may see', async () => {
    expect(await found(who.agent, 'cmdb-ci', '?q=MAIL')).toEqual(['Mail server']);
    expect(await found(who.requester, 'cmdb-ci', '?q=mail')).toEqual([]);
    expect(await found(who.requester, 'cmdb-ci', '')).toEqual(['Laptop of the requester']);
    expect((await found(who.otherAgent, 'cmdb-ci', '')).sort()).toEqual([
      'Core router .* edge',
      'Laptop of the requester',
      'Mail server',
    ]);
    expect(await found(who.agent, 'cmdb-ci', '?limit=1')).toHaveLength(1);
  });

  it('given pattern and operator text in q, then the lookup takes it literally', async () => {
    expect(await found(who.agent, 'cmdb-ci', `?q=${encodeURIComponent('.*')}`)).toEqual(['Core router .* edge']);
    expect(await found(who.agent, 'cmdb-ci', `?q=${encodeURIComponent('{"$gt":""}')}`)).toEqual([]);
    expect(await found(who.agent, 'cmdb-ci', `?q=${encodeURIComponent('^M')}`)).toEqual([]);
    expectProblem(await lookup(who.agent, 'cmdb-ci', '?q[$gt]='), 400, 'FORBIDDEN_KEY');
    expectProblem(await lookup(who.agent, 'cmdb-ci', '?limit=51'), 400, 'VALIDATION_FAILED');
    expectProblem(await lookup(who.agent, 'cmdb-ci', `?q=${'x'.repeat(201)}`), 400, 'VALIDATION_FAILED');
    expectProblem(await lookup(who.agent, 'no-such-process', ''), 404, 'NOT_FOUND');
  });

  it('given known errors, then they are searchable by title and an incident links them', async () => {
    const response = await lookup(who.agent, 'known-error', '?q=outlook');
    expect(response.json<{ items: Item[] }>().items).toEqual([
      { id: ids.knownError, title: 'Outlook crashes at start', state: 'active' },
    ]);
    const linked = await referencedBy(who.agent, ids.knownError);
    expect(linked.json<{ items: { id: string; field: string }[] }>().items).toEqual([
      { id: ids.agentIncident, processKey: 'incident', field: 'knownErrors', title: 'Mail bounces', state: 'new' },
    ]);
  });

  it('given a record the caller may not see, then its referenced-by list answers 404', async () => {
    expectProblem(await referencedBy(who.requester, ids.mail), 404, 'NOT_FOUND');
    expectProblem(await referencedBy(who.otherRequester, ids.laptop), 404, 'NOT_FOUND');
  });

  it('given a referencing incident the caller may not see, then the referenced-by list leaves it out', async () => {
    // The other agent works configuration items but not incidents.
    const response = await referencedBy(who.otherAgent, ids.mail);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('given a start retried with the same Idempotency-Key, then the reference index holds each reference once', async () => {
    const data = { ...incidentData('Router flaps'), ci: ids.router, knownErrors: [ids.knownError] };
    const first = await start(who.agent, 'incident', data, { 'idempotency-key': 'router-flaps' });
    const again = await start(who.agent, 'incident', data, { 'idempotency-key': 'router-flaps' });
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    const id = first.json<{ id: string }>().id;
    expect(again.json<{ id: string }>().id).toBe(id);
    const entries = await app.platform.records.references.collection.find({ from: id }).sort({ _id: 1 }).toArray();
    expect(entries.map((entry) => [entry.field, entry.to])).toEqual([
      ['ci', ids.router],
      ['knownErrors', ids.knownError],
    ]);
  });

  it('given an index entry of a refused event and entries lost to a crash, then referenced-by follows the records: the refused one never shows, the lost ones return with the next write', async () => {
    const { references } = app.platform.records;
    const referencing = async (id: string) =>
      (await referencedBy(who.agent, id)).json<{ items: { id: string }[] }>().items.map((item) => item.id);
    const stale = await api.call('POST', '/api/records/:id/events', {
      url: `/api/records/${ids.agentIncident}/events`,
      headers: { ...who.agent.headers, 'if-match': '"99"' },
      payload: { type: 'accept', data: { ...TRIAGE, ci: ids.router } },
    });
    expectProblem(stale, 412, 'PRECONDITION_FAILED');
    expect(await references.collection.countDocuments({ from: ids.agentIncident, to: ids.router })).toBe(1);
    expect(await referencing(ids.router)).not.toContain(ids.agentIncident);

    // A crash between the append and the index write loses the entries of a record.
    await references.collection.deleteMany({ from: ids.agentIncident });
    expect(await referencing(ids.mail)).not.toContain(ids.agentIncident);
    const accepted = await api.call('POST', '/api/records/:id/events', {
      url: `/api/records/${ids.agentIncident}/events`,
      headers: who.agent.headers,
      payload: { type: 'accept', data: TRIAGE },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await referencing(ids.mail)).toContain(ids.agentIncident);
    expect(await referencing(ids.knownError)).toContain(ids.agentIncident);
  });

  it('given a change the engine applies without the API (a timer, a linked record, automation), then its references are indexed too', async () => {
    const engine = app.platform.records.engine;
    const started = await engine.start(
      'incident',
      { ...incidentData('Laptop battery swells'), ci: ids.laptop },
      { id: 'system:automation', roles: [] },
    );
    expect(started.ok, JSON.stringify(started)).toBe(true);
    const id = started.ok ? started.instanceId : '';
    const referencing = async (target: string) =>
      (await referencedBy(who.agent, target)).json<{ items: { id: string }[] }>().items.map((item) => item.id);
    expect(await referencing(ids.laptop)).toContain(id);
    const entries = await app.platform.records.references.collection.find({ from: id }).toArray();
    expect(entries.map((entry) => [entry.field, entry.to])).toEqual([['ci', ids.laptop]]);
  });
});
