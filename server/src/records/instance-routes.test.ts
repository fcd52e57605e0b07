import { describe, expect, it } from 'vitest';
import { useRecordWorld } from '../test-support/test-world.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import { incidentData, TRIAGE, type Caller } from './testing/record-fixture.ts';

interface Change {
  id: string;
  seq: number;
  state: string;
  data: Record<string, unknown>;
}

describe('record routes: start, list, fetch with actions, events, history, audit, notes', () => {
  const world = useRecordWorld('record_routes');

  const start = async (caller: Caller, data = incidentData(), headers: Record<string, string> = {}) =>
    world.api.call('POST', '/api/processes/:key/records', {
      url: '/api/processes/incident/records',
      headers: { ...caller.headers, ...headers },
      payload: { data },
    });
  const send = async (caller: Caller, id: string, payload: object, headers: Record<string, string> = {}) =>
    world.api.call('POST', '/api/records/:id/events', {
      url: `/api/records/${id}/events`,
      headers: { ...caller.headers, ...headers },
      payload,
    });

  it('given a requester, when they start a record with an Idempotency-Key twice, then both answers are the same 201 and one record exists', async () => {
    const first = await start(world.who.requester, incidentData('Printer jam'), { 'idempotency-key': 'start-1' });
    expect(first.statusCode).toBe(201);
    const replay = await start(world.who.requester, incidentData('Printer jam'), { 'idempotency-key': 'start-1' });
    expect(replay.statusCode).toBe(201);
    expect(replay.body).toBe(first.body);
    expect(replay.headers['etag']).toBe('"1"');
    expect(replay.headers['location']).toBe(first.headers['location']);
    expect(first.headers['idempotent-replayed']).toBe('false');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const body = first.json<Change>();
    expect(body).toMatchObject({ seq: 1, state: 'new', data: { priority: 'P3' } });
    expect(await world.app.platform.records.engine.log.read(body.id)).toHaveLength(1);
  });

  it('given start data that misses a required field or has a wrong enum, then 400 VALIDATION_FAILED with JSON Pointers into data', async () => {
    const problem = expectProblem(
      await start(world.who.requester, { title: 'x', impact: 'enormous' }),
      400,
      'VALIDATION_FAILED',
    );
    const paths = (problem.errors ?? []).map((e) => e.path);
    expect(paths).toContain('/data/urgency');
    expect(paths).toContain('/data/impact');
  });

  it('given a process nobody published or the caller has no role in, then 409 PROCESS_NOT_PUBLISHED or 404', async () => {
    expectProblem(
      await world.api.call('POST', '/api/processes/:key/records', {
        url: '/api/processes/field-work/records',
        headers: world.who.admin.headers,
        payload: { data: {} },
      }),
      409,
      'PROCESS_NOT_PUBLISHED',
    );
    expectProblem(
      await world.api.call('POST', '/api/processes/:key/records', {
        url: '/api/processes/field-work/records',
        headers: world.who.requester.headers,
        payload: { data: {} },
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('given a new record, when the agent fetches it, then the actions carry their forms’ JSON Schema and UI schema; the requester has none', async () => {
    const { id } = (await start(world.who.requester)).json<Change>();
    const asAgent = await world.api.call('GET', '/api/records/:id', {
      url: `/api/records/${id}`,
      headers: world.who.agent.headers,
    });
    expect(asAgent.statusCode).toBe(200);
    expect(asAgent.headers['etag']).toBe('"1"');
    const record = asAgent.json<{
      myRoles: string[];
      actions: {
        event: string;
        transitions: { form?: { id: string; schema: { required?: string[] }; ui: unknown } }[];
      }[];
    }>();
    expect(record.myRoles).toEqual(['agent']);
    const accept = record.actions.find((a) => a.event === 'accept');
    expect(accept?.transitions[0]?.form?.id).toBe('triage');
    expect(accept?.transitions[0]?.form?.schema.required).toEqual(expect.arrayContaining(['category']));
    expect(accept?.transitions[0]?.form?.ui).toBeTruthy();
    const asRequester = await world.api.call('GET', '/api/records/:id', {
      url: `/api/records/${id}`,
      headers: world.who.requester.headers,
    });
    expect(asRequester.json<{ myRoles: string[]; actions: unknown[] }>()).toMatchObject({
      myRoles: ['requester'],
      actions: [],
    });
  });

  it('given an event with an Idempotency-Key, when replayed, then the same response; a stale If-Match answers 412 and changes nothing', async () => {
    const { id } = (await start(world.who.requester)).json<Change>();
    const headers = { 'idempotency-key': 'accept-1', 'if-match': '"1"' };
    const first = await send(world.who.agent, id, { type: 'accept', data: TRIAGE }, headers);
    expect(first.statusCode).toBe(200);
    expect(first.headers['etag']).toBe('"2"');
    const replay = await send(world.who.agent, id, { type: 'accept', data: TRIAGE }, headers);
    expect(replay.statusCode).toBe(200);
    expect(replay.body).toBe(first.body);
    expect(replay.headers['etag']).toBe('"2"');

    const stale = await send(world.who.agent, id, { type: 'await-customer' }, { 'if-match': '"1"' });
    expectProblem(stale, 412, 'PRECONDITION_FAILED');
    expectProblem(
      await send(world.who.agent, id, { type: 'await-customer' }, { 'if-match': 'nonsense' }),
      412,
      'PRECONDITION_FAILED',
    );
    expect(await world.app.platform.records.engine.log.read(id)).toHaveLength(2);
    const fresh = await send(world.who.agent, id, { type: 'await-customer' }, { 'if-match': '"2"' });
    expect(fresh.json<Change>()).toMatchObject({ seq: 3, state: 'waiting-for-customer' });
  });

  it('given an action the caller’s roles do not allow, then 422 RECORD_ACTION_REJECTED with the reason and trace', async () => {
    const { id } = (await start(world.who.requester)).json<Change>();
    const problem = expectProblem(
      await send(world.who.requester, id, { type: 'accept', data: TRIAGE }),
      422,
      'RECORD_ACTION_REJECTED',
    );
    expect(problem.rejection?.code).toBe('ACTOR_NOT_ALLOWED');
    expect(problem.rejection?.message.zh).toBeTruthy();
    const unknown = expectProblem(await send(world.who.agent, id, { type: 'resolve' }), 422, 'RECORD_ACTION_REJECTED');
    expect(unknown.rejection?.code).toMatch(/EVENT_NOT_ALLOWED|NOT_ALLOWED/);
    const bad = expectProblem(
      await send(world.who.agent, id, { type: 'accept', data: { category: 'food', impact: 'low', urgency: 'low' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.errors?.[0]).toMatchObject({ path: '/data/category', in: 'body', issue: 'DATA_INVALID' });
  });

  it('given a worked record, then history says who, when, what changed and which decision rows matched with their fact values; audit verifies', async () => {
    const { id } = (
      await start(world.who.requester, { title: 'VPN', impact: 'medium', urgency: 'medium' })
    ).json<Change>();
    world.clock.advance(60_000);
    await send(world.who.agent, id, {
      type: 'accept',
      data: { category: 'network', impact: 'medium', urgency: 'medium' },
    });
    const history = await world.api.call('GET', '/api/records/:id/history', {
      url: `/api/records/${id}/history`,
      headers: world.who.requester.headers,
    });
    const items = history.json<{
      items: {
        seq: number;
        actor: string;
        at: string;
        to: string;
        changes: { field: string; to: unknown }[];
        decisions: { decision: string; matchedRows: { rule: string; conditions: unknown }[]; inputs: object }[];
      }[];
    }>().items;
    expect(items.map((i) => [i.seq, i.to, i.actor])).toEqual([
      [1, 'new', world.who.requester.id],
      [2, 'in-progress', world.who.agent.id],
    ]);
    expect(items[0]?.changes).toEqual(expect.arrayContaining([{ field: 'priority', from: null, to: 'P3' }]));
    const why = items[0]?.decisions[0];
    expect(why?.decision).toBe('priority-matrix');
    expect(why?.inputs).toMatchObject({ impact: 'medium', urgency: 'medium' });
    expect(JSON.stringify(why?.matchedRows[0]?.conditions)).toContain('"actual":"medium"');
    expect(items[1]?.at).toBe(new Date(world.clock.current).toISOString());

    const audit = await world.api.call('GET', '/api/records/:id/audit', {
      url: `/api/records/${id}/audit`,
      headers: world.who.agent.headers,
    });
    expect(audit.json()).toMatchObject({ ok: true, length: 2 });
  });

  it('given work notes, then agents add (idempotently) and list them; the requester gets 403', async () => {
    const { id } = (await start(world.who.requester)).json<Change>();
    const add = () =>
      world.api.call('POST', '/api/records/:id/notes', {
        url: `/api/records/${id}/notes`,
        headers: { ...world.who.agent.headers, 'idempotency-key': 'note-1' },
        payload: { text: 'Called the user' },
      });
    const first = await add();
    expect(first.statusCode).toBe(201);
    expect((await add()).body).toBe(first.body);
    const list = await world.api.call('GET', '/api/records/:id/notes', {
      url: `/api/records/${id}/notes`,
      headers: world.who.owner.headers,
    });
    expect(list.json<{ items: { text: { en: string }; author: string }[] }>().items).toEqual([
      expect.objectContaining({ author: world.who.agent.id, text: { en: 'Called the user', zh: 'Called the user' } }),
    ]);
    expectProblem(
      await world.api.call('GET', '/api/records/:id/notes', {
        url: `/api/records/${id}/notes`,
        headers: world.who.requester.headers,
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('given many records, then the list filters, searches literally, sorts and pages with an opaque cursor', async () => {
    const titles = ['Alpha (a+b)', 'Beta', 'Gamma', 'Delta', 'Epsilon'];
    const ids: string[] = [];
    for (const title of titles) {
      world.clock.advance(1000);
      ids.push((await start(world.who.otherRequester, incidentData(title))).json<Change>().id);
    }
    const list = (query: string, caller = world.who.otherRequester) =>
      world.api.call('GET', '/api/records', { url: `/api/records?${query}`, headers: caller.headers });

    const mine = await list('mine=true&limit=2');
    const page1 = mine.json<{ items: { id: string }[]; nextCursor: string | null }>();
    expect(page1.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
    const page2 = (await list(`mine=true&limit=2&cursor=${page1.nextCursor}`)).json<typeof page1>();
    expect(page2.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const page3 = (await list(`mine=true&limit=2&cursor=${page2.nextCursor}`)).json<typeof page1>();
    expect(page3).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });

    const oldest = (await list('mine=true&sort=createdAt&limit=1')).json<typeof page1>();
    expect(oldest.items[0]?.id).toBe(ids[4]);
    expect((await list(`q=${encodeURIComponent('(a+b)')}`)).json<typeof page1>().items.map((i) => i.id)).toEqual([
      ids[0],
    ]);
    expect((await list(`q=${encodeURIComponent('.*')}`)).json<typeof page1>().items).toEqual([]);
    expect((await list('state=new&process=incident&mine=true')).json<typeof page1>().items).toHaveLength(5);
    expect((await list('state=closed')).json<typeof page1>().items).toHaveLength(0);

    expectProblem(await list('cursor=not-a-cursor'), 400, 'VALIDATION_FAILED');
    expectProblem(await list('state[$ne]=x'), 400, 'FORBIDDEN_KEY');
    expectProblem(await list('limit=1000'), 400, 'VALIDATION_FAILED');
    expectProblem(await list('assignee=%7B%22%24ne%22%3A1%7D'), 400, 'VALIDATION_FAILED');
  });

  it('given clocks, then breached and at-risk filters read breachAt, and sort=breachAt lists the soonest first', async () => {
    const { id } = (
      await start(world.who.requester, { title: 'Clocked', impact: 'medium', urgency: 'medium' })
    ).json<Change>();
    expect((await send(world.who.agent, id, { type: 'accept', data: TRIAGE })).statusCode).toBe(200);
    const record = await world.app.platform.records.engine.projections.get(id);
    expect(record?.breachAt).toBeInstanceOf(Date);
    const breachAt = record!.breachAt!.getTime();
    const list = (query: string) =>
      world.api
        .call('GET', '/api/records', { url: `/api/records?${query}`, headers: world.who.agent.headers })
        .then((r) => r.json<{ items: { id: string }[] }>().items.map((i) => i.id));

    expect(await list('clock=breached')).not.toContain(id);
    const minutesLeft = Math.ceil((breachAt - world.clock.current.getTime()) / 60_000);
    expect(await list(`clock=at-risk&riskMinutes=${minutesLeft + 1}`)).toContain(id);
    const bySoonest = (
      await world.api.call('GET', '/api/records', {
        url: '/api/records?sort=breachAt',
        headers: world.who.agent.headers,
      })
    ).json<{ items: { id: string; breachAt: string }[] }>().items;
    expect(bySoonest.map((i) => i.id)).toContain(id);
    expect(bySoonest.map((i) => i.breachAt)).toEqual(bySoonest.map((i) => i.breachAt).sort());
    world.clock.current = new Date(breachAt + 1);
    expect(await list('clock=breached')).toContain(id);
  });
});
