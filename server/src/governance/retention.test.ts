import { storedData, type StoredCollection } from '@clauseflow/application/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useRecordWorld } from '../test-support/test-world.ts';
import { type Caller } from '../records/testing/record-fixture.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import type { DisposalView } from './governance-schemas.ts';
import { closedRecord, openRecord } from './testing/governance-fixture.ts';

const T0 = new Date('2026-03-01T09:00:00Z');
/** One year after T0, to the millisecond: when a `P1Y` retention from T0 ends. */
const T0_PLUS_1Y = new Date('2027-03-01T09:00:00Z');

interface CandidatePage {
  items: { id: string; closedAt: string; retainUntil: string }[];
  nextCursor: string | null;
}

describe('record retention and authorized disposal (ISO/IEC 20000-1 7.5.3.2.d)', () => {
  const world = useRecordWorld('retention', { at: T0 });
  /** Records closed at T0 (so their P1Y retention ends at T0_PLUS_1Y). */
  let closedA: string;
  let closedB: string;
  let closedC: string;
  let open: string;

  const putPolicy = (caller: Caller, payload: unknown) =>
    world.api.call('PUT', '/api/processes/:key/retention', {
      url: '/api/processes/incident/retention',
      headers: caller.headers,
      payload: payload as object,
    });
  const candidates = (caller: Caller, query = '') =>
    world.api.call('GET', '/api/processes/:key/disposal-candidates', {
      url: `/api/processes/incident/disposal-candidates${query}`,
      headers: caller.headers,
    });
  const dispose = (caller: Caller, id: string, reason = 'Retention period over; no legal hold.') =>
    world.api.call('POST', '/api/records/:id/disposal', {
      url: `/api/records/${id}/disposal`,
      headers: caller.headers,
      payload: { reason },
    });
  const getRecord = (caller: Caller, id: string) =>
    world.api.call('GET', '/api/records/:id', { url: `/api/records/${id}`, headers: caller.headers });
  const count = (collection: StoredCollection, filter: Record<string, unknown>) =>
    storedData(world.app.platform.clauseflow).count(collection, filter);

  beforeAll(async () => {
    closedA = await closedRecord(world.app, world.who, 'Printer on fire');
    closedB = await closedRecord(world.app, world.who, 'VPN drops');
    closedC = await closedRecord(world.app, world.who, 'Laptop stolen');
    open = await openRecord(world.app, world.who.requester, 'Still broken');
  });

  it('given a process without a policy, then its records are kept indefinitely: no candidates, disposal refused', async () => {
    const policy = await world.api.call('GET', '/api/processes/:key/retention', {
      url: '/api/processes/incident/retention',
      headers: world.who.agent.headers,
    });
    expect(policy.json()).toEqual({ key: 'incident', policy: null });
    world.clock.current = new Date('2040-01-01T00:00:00Z');
    expect((await candidates(world.who.owner)).json<CandidatePage>().items).toEqual([]);
    expectProblem(await dispose(world.who.admin, closedA), 409, 'RETENTION_NOT_ELAPSED');
    world.clock.current = T0;
  });

  it('given a bad retention period, then 400 VALIDATION_FAILED points at /period; agents and requesters get 403', async () => {
    for (const period of ['seven years', 'P0D', '-P1Y', 'PT', 'P500Y']) {
      const problem = expectProblem(
        await putPolicy(world.who.owner, { period, from: 'closed' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(problem.errors?.[0]).toMatchObject({ code: 'INVALID_VALUE', path: '/period', in: 'body' });
    }
    const wrongFrom = expectProblem(
      await putPolicy(world.who.owner, { period: 'P1Y', from: 'opened' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(wrongFrom.errors?.[0]?.path).toBe('/from');
    expectProblem(await putPolicy(world.who.agent, { period: 'P1Y', from: 'closed' }), 403, 'FORBIDDEN');
    expectProblem(await putPolicy(world.who.requester, { period: 'P1Y', from: 'closed' }), 403, 'FORBIDDEN');
    expectProblem(await putPolicy(world.who.otherAgent, { period: 'P1Y', from: 'closed' }), 404, 'NOT_FOUND');
    expect((await world.app.platform.processes.byKey('incident'))?.retention ?? null).toBeNull();
  });

  it('given the owner sets P1Y from closure, then the policy is kept with who set it and when', async () => {
    const response = await putPolicy(world.who.owner, { period: 'P1Y', from: 'closed' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      key: 'incident',
      policy: { period: 'P1Y', from: 'closed', setBy: world.who.owner.id, setAt: T0.toISOString() },
    });
    const stale = await world.api.call('PUT', '/api/processes/:key/retention', {
      url: '/api/processes/incident/retention',
      headers: { ...world.who.owner.headers, 'if-match': '"1"' },
      payload: { period: 'P2Y', from: 'closed' },
    });
    expectProblem(stale, 412, 'PRECONDITION_FAILED');
  });

  it('given closed records, when the clock nears and then reaches the end of retention, then they become candidates only then', async () => {
    expect((await candidates(world.who.owner)).json<CandidatePage>().items).toEqual([]);
    world.clock.current = new Date(T0_PLUS_1Y.getTime() - 60_000);
    expect((await candidates(world.who.owner)).json<CandidatePage>().items).toEqual([]);
    world.clock.current = T0_PLUS_1Y;
    const page = (await candidates(world.who.owner)).json<CandidatePage>();
    expect(page.items.map((item) => item.id).sort()).toEqual([closedA, closedB, closedC].sort());
    expect(page.items[0]).toMatchObject({ closedAt: T0.toISOString(), retainUntil: T0_PLUS_1Y.toISOString() });
    expect(page.items.map((item) => item.id)).not.toContain(open);

    const first = (await candidates(world.who.owner, '?limit=2')).json<CandidatePage>();
    expect(first.items).toHaveLength(2);
    const rest = (
      await candidates(world.who.owner, `?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)
    ).json<CandidatePage>();
    expect([...first.items, ...rest.items].map((item) => item.id).sort()).toEqual(
      page.items.map((item) => item.id).sort(),
    );
    expect(rest.nextCursor).toBeNull();

    expectProblem(await candidates(world.who.agent), 403, 'FORBIDDEN');
    expectProblem(await candidates(world.who.owner, '?cursor=bm9wZQ'), 400, 'VALIDATION_FAILED');
  });

  it('given an agent or requester, then they cannot dispose: 403 when they see the record, 404 when they do not', async () => {
    expectProblem(await dispose(world.who.agent, closedA), 403, 'FORBIDDEN');
    expectProblem(await dispose(world.who.requester, closedA), 403, 'FORBIDDEN');
    expectProblem(await dispose(world.who.otherAgent, closedA), 404, 'NOT_FOUND');
    expectProblem(await dispose(world.who.otherRequester, closedA), 404, 'NOT_FOUND');
    expectProblem(await dispose(world.who.owner, closedA, ''), 400, 'VALIDATION_FAILED');
    expect(await count('record_disposals', {})).toBe(0);
  });

  it('given an open record, or one closed too recently, then disposal is refused with a coded 409', async () => {
    expectProblem(await dispose(world.who.admin, open), 409, 'RECORD_NOT_CLOSED');
    const recent = await closedRecord(world.app, world.who, 'Closed just now');
    expectProblem(await dispose(world.who.admin, recent), 409, 'RETENTION_NOT_ELAPSED');
    expect((await getRecord(world.who.agent, recent)).statusCode).toBe(200);
  });

  it('given the owner disposes of a closed record past retention, then its data, log, notes and timers go and the disposal record stays', async () => {
    const lastEvent = (await world.app.platform.records.engine.log.read(closedA)).at(-1);
    expect(await count('record_notes', { recordId: closedA })).toBe(1);
    expect(await count('timers', { instanceId: closedA })).toBeGreaterThan(0);

    const response = await dispose(world.who.owner, closedA);
    expect(response.statusCode).toBe(201);
    const disposal = response.json<DisposalView>();
    expect(disposal).toMatchObject({
      recordId: closedA,
      processKey: 'incident',
      processVersion: 1,
      title: 'Printer on fire',
      finalState: 'closed',
      closedAt: T0.toISOString(),
      eventCount: lastEvent?.seq,
      finalHash: lastEvent?.hash,
      chain: { ok: true },
      policy: { period: 'P1Y', from: 'closed', setBy: world.who.owner.id },
      retainUntil: T0_PLUS_1Y.toISOString(),
      reason: 'Retention period over; no legal hold.',
      authorizedBy: { id: world.who.owner.id, username: 'owner' },
      disposedAt: T0_PLUS_1Y.toISOString(),
      completedAt: T0_PLUS_1Y.toISOString(),
    });

    for (const [collection, filter] of [
      ['events', { instanceId: closedA }],
      ['instances', { _id: closedA }],
      ['record_notes', { recordId: closedA }],
      ['timers', { instanceId: closedA }],
      ['outbox', { instanceId: closedA }],
    ] as const) {
      expect(await count(collection, filter), collection).toBe(0);
    }
    expect(await count('record_disposals', { _id: closedA })).toBe(1);

    for (const caller of [world.who.admin, world.who.owner, world.who.agent, world.who.requester]) {
      expectProblem(await getRecord(caller, closedA), 404, 'NOT_FOUND');
    }
    expectProblem(
      await world.api.call('GET', '/api/records/:id/history', {
        url: `/api/records/${closedA}/history`,
        headers: world.who.admin.headers,
      }),
      404,
      'NOT_FOUND',
    );
    const candidatesNow = (await candidates(world.who.owner)).json<CandidatePage>().items.map((item) => item.id);
    expect(candidatesNow).not.toContain(closedA);

    // A second disposal of the same record changes nothing and answers the first disposal record.
    world.clock.advance(60_000);
    const again = await dispose(world.who.admin, closedA, 'Once more');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(disposal);
  });

  it('given a crash right after the disposal record was written, then the record is gone at once and a retry finishes the removal', async () => {
    const { records, disposals, processes } = world.app.platform;
    const record = await records.engine.projections.get(closedB);
    const process = await processes.byKey('incident');
    if (!record || !process) throw new Error('fixture missing');
    const admin = { id: world.who.admin.id, username: 'admin', displayName: 'admin' };
    // The lower layer's first step alone: what a crash before the removal leaves behind.
    const { created } = await disposals.record(await disposals.plan(record, process), 'Crash test', admin);
    expect(created).toBe(true);
    expect(await count('events', { instanceId: closedB })).toBeGreaterThan(0);
    expectProblem(await getRecord(world.who.admin, closedB), 404, 'NOT_FOUND');
    expectProblem(
      await world.api.call('POST', '/api/records/:id/events', {
        url: `/api/records/${closedB}/events`,
        headers: world.who.agent.headers,
        payload: { type: 'reopen' },
      }),
      404,
      'NOT_FOUND',
    );

    const retry = await dispose(world.who.owner, closedB, 'Retry after the crash');
    expect(retry.statusCode).toBe(200);
    const finished = retry.json<DisposalView>();
    expect(finished.reason).toBe('Crash test');
    expect(finished.completedAt).not.toBeNull();
    expect(await count('events', { instanceId: closedB })).toBe(0);
    expect(await count('instances', { _id: closedB })).toBe(0);
    expect(await count('record_notes', { recordId: closedB })).toBe(0);

    // The same crash, finished by the start-up sweep instead of a second request.
    const recordC = await records.engine.projections.get(closedC);
    if (!recordC) throw new Error('fixture missing');
    await disposals.record(await disposals.plan(recordC, process), 'Crash test 2', admin);
    expect(await disposals.resumeUnfinished()).toBe(1);
    expect(await count('events', { instanceId: closedC })).toBe(0);
    expect((await disposals.store.get(closedC))?.completedAt).toBeInstanceOf(Date);
    expect(await disposals.resumeUnfinished()).toBe(0);
  });

  it('given disposal records, then admins and owners list them, others get 403, and the API cannot delete them', async () => {
    const list = async (caller: Caller, query = '') =>
      world.api.call('GET', '/api/disposals', { url: `/api/disposals${query}`, headers: caller.headers });
    const all = (await list(world.who.admin)).json<{ items: DisposalView[]; nextCursor: string | null }>();
    expect(all.items.map((item) => item.recordId).sort()).toEqual([closedA, closedB, closedC].sort());
    const owned = (await list(world.who.owner, '?process=incident&limit=2')).json<{
      items: DisposalView[];
      nextCursor: string | null;
    }>();
    expect(owned.items).toHaveLength(2);
    const next = (await list(world.who.owner, `?limit=2&cursor=${encodeURIComponent(owned.nextCursor ?? '')}`)).json<{
      items: DisposalView[];
    }>();
    expect([...owned.items, ...next.items].map((item) => item.recordId).sort()).toEqual(
      [closedA, closedB, closedC].sort(),
    );
    expectProblem(await list(world.who.agent), 403, 'FORBIDDEN');
    expectProblem(await list(world.who.requester), 403, 'FORBIDDEN');
    expectProblem(await list(world.who.owner, '?process=field-work'), 404, 'NOT_FOUND');

    const one = await world.api.call('GET', '/api/disposals/:id', {
      url: `/api/disposals/${closedA}`,
      headers: world.who.owner.headers,
    });
    expect(one.json<DisposalView>().recordId).toBe(closedA);
    const remove = await world.app.inject({
      method: 'DELETE',
      url: `/api/disposals/${closedA}`,
      headers: world.who.admin.headers,
    });
    expectProblem(remove, 405, 'METHOD_NOT_ALLOWED');
    expect(await count('record_disposals', {})).toBe(3);
  });

  it('given two people disposing of one record at once, then one disposal record is written: one answer is 201, the other 200 with it', async () => {
    const record = await closedRecord(world.app, world.who, 'Raced');
    world.clock.current = new Date(world.clock.current.getTime() + 400 * 86_400_000);
    const answers = await Promise.all([
      dispose(world.who.owner, record, 'Owner'),
      dispose(world.who.admin, record, 'Admin'),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 201]);
    const [first, second] = answers.map((answer) => answer.json<DisposalView>());
    expect(first).toEqual(second);
    expect(await count('record_disposals', { _id: record })).toBe(1);
    expect(await count('events', { instanceId: record })).toBe(0);
  });

  it('given the owner removes the policy, then the process keeps its records indefinitely again', async () => {
    const removed = await world.api.call('DELETE', '/api/processes/:key/retention', {
      url: '/api/processes/incident/retention',
      headers: world.who.owner.headers,
    });
    expect(removed.json()).toEqual({ key: 'incident', policy: null });
    expect((await candidates(world.who.owner)).json<CandidatePage>().items).toEqual([]);
  });
});
