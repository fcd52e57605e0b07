import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { ApiClient } from '../test-support/api-client.ts';
import { testApp } from '../test-support/test-app.ts';
import { incidentData, seedRecordWorld, TRIAGE, type Caller, type Party } from './testing/record-fixture.ts';

type Who = Party | 'anonymous';
const WHO: Who[] = ['admin', 'owner', 'agent', 'otherAgent', 'requester', 'otherRequester', 'anonymous'];

interface Row {
  method: 'GET' | 'POST';
  route: string;
  url: (id: string) => string;
  payload?: object;
  /** Status per caller, on a record raised by `requester` in the incident process (agents: group desk). */
  expect: Record<Who, number>;
}

const SEE = {
  admin: 200,
  owner: 200,
  agent: 200,
  requester: 200,
  otherAgent: 404,
  otherRequester: 404,
  anonymous: 401,
};

const MATRIX: Row[] = [
  {
    method: 'POST',
    route: '/api/processes/:key/records',
    url: () => '/api/processes/incident/records',
    payload: { data: incidentData('Matrix') },
    expect: {
      admin: 201,
      owner: 201,
      agent: 201,
      requester: 201,
      otherRequester: 201,
      otherAgent: 404,
      anonymous: 401,
    },
  },
  {
    method: 'GET',
    route: '/api/records',
    url: () => '/api/records',
    expect: { ...SEE, otherAgent: 200, otherRequester: 200 },
  },
  { method: 'GET', route: '/api/records/:id', url: (id) => `/api/records/${id}`, expect: SEE },
  {
    method: 'POST',
    route: '/api/records/:id/events',
    url: (id) => `/api/records/${id}/events`,
    payload: { type: 'accept', data: TRIAGE },
    // The owner and the requester see the record but hold no agent role in the process: the process refuses.
    expect: { ...SEE, owner: 422, requester: 422 },
  },
  { method: 'GET', route: '/api/records/:id/history', url: (id) => `/api/records/${id}/history`, expect: SEE },
  { method: 'GET', route: '/api/records/:id/audit', url: (id) => `/api/records/${id}/audit`, expect: SEE },
  {
    method: 'GET',
    route: '/api/records/:id/notes',
    url: (id) => `/api/records/${id}/notes`,
    expect: { ...SEE, requester: 403 },
  },
  {
    method: 'POST',
    route: '/api/records/:id/notes',
    url: (id) => `/api/records/${id}/notes`,
    payload: { text: 'Internal' },
    expect: { ...SEE, admin: 201, owner: 201, agent: 201, requester: 403 },
  },
  {
    method: 'GET',
    route: '/api/processes/:key/records/lookup',
    url: () => '/api/processes/incident/records/lookup?q=Raised',
    // Anyone with a role in the process may search it (the answer holds only what they may see).
    expect: { ...SEE, otherRequester: 200 },
  },
  {
    method: 'GET',
    route: '/api/records/:id/referenced-by',
    url: (id) => `/api/records/${id}/referenced-by`,
    expect: SEE,
  },
];

describe('record access matrix: every record route × every role', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: ApiClient;
  let who: Record<Party, Caller>;

  const raise = async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/processes/incident/records',
      headers: who.requester.headers,
      payload: { data: incidentData('Raised by the requester') },
    });
    return response.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    t = await openTestDatabase('record_access');
    ({ app } = await testApp(t.db, { records: { scheduler: false } }));
    api = await ApiClient.for(app);
    who = await seedRecordWorld(app);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it.each(MATRIX)('given $method $route, then each role gets its status', async (row) => {
    const got: Partial<Record<Who, number>> = {};
    for (const caller of WHO) {
      // A fresh record per caller, so one caller's action does not change the next one's answer.
      const id = await raise();
      const response = await api.call(row.method, row.route, {
        url: row.url(id),
        headers: caller === 'anonymous' ? {} : who[caller].headers,
        ...(row.payload ? { payload: row.payload } : {}),
      });
      got[caller] = response.statusCode;
    }
    expect(got).toEqual(row.expect);
  });

  it('given a lookup by title, then another requester finds none of the requester’s records', async () => {
    const raised = await app.inject({
      method: 'POST',
      url: '/api/processes/incident/records',
      headers: who.requester.headers,
      payload: { data: incidentData('Printer on fire') },
    });
    const id = raised.json<{ id: string }>().id;
    const found = async (caller: Party) =>
      (
        await api.call('GET', '/api/processes/:key/records/lookup', {
          url: '/api/processes/incident/records/lookup?q=printer%20on',
          headers: who[caller].headers,
        })
      )
        .json<{ items: { id: string }[] }>()
        .items.map((item) => item.id);
    expect(await found('requester')).toContain(id);
    expect(await found('agent')).toContain(id);
    expect(await found('otherRequester')).not.toContain(id);
  });

  it('given records of two requesters, then each lists only their own; agents of another group list neither', async () => {
    const mine = await raise();
    const theirs = (
      await app.inject({
        method: 'POST',
        url: '/api/processes/incident/records',
        headers: who.otherRequester.headers,
        payload: { data: incidentData('Theirs') },
      })
    ).json<{ id: string }>().id;
    const ids = async (caller: Caller) =>
      (await api.call('GET', '/api/records', { url: '/api/records?limit=100', headers: caller.headers }))
        .json<{ items: { id: string }[] }>()
        .items.map((i) => i.id);
    const requesterSees = await ids(who.requester);
    expect(requesterSees).toContain(mine);
    expect(requesterSees).not.toContain(theirs);
    const otherSees = await ids(who.otherRequester);
    expect(otherSees).toContain(theirs);
    expect(otherSees).not.toContain(mine);
    expect(await ids(who.otherAgent)).toEqual([]);
    for (const caller of [who.admin, who.owner, who.agent])
      expect(await ids(caller)).toEqual(expect.arrayContaining([mine, theirs]));
    // Filters cannot widen what a caller sees.
    const filtered = await api.call('GET', '/api/records', {
      url: `/api/records?process=incident&assignee=${who.requester.id}`,
      headers: who.otherRequester.headers,
    });
    expect(filtered.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('given another requester’s record, then they cannot act on it even with a requester-side event', async () => {
    const id = await raise();
    for (const type of ['close', 'reopen', 'customer-replied']) {
      const response = await api.call('POST', '/api/records/:id/events', {
        url: `/api/records/${id}/events`,
        headers: who.otherRequester.headers,
        payload: { type },
      });
      expect(response.statusCode).toBe(404);
    }
    expect(await app.platform.records.engine.log.read(id)).toHaveLength(1);
  });
});
