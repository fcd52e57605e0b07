import { beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_IDS } from '@clauseflow/application';
import { useRecordWorld } from '../test-support/test-world.ts';
import type { Definition } from '@clauseflow/definition';
import { incidentData, type Caller } from '../records/testing/record-fixture.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import type { ServiceReportView } from './report-schemas.ts';

const ROUTE = '/api/processes/:key/reports/service';
const KEY = 'svc-desk';
const label = (en: string) => ({ en, zh: `${en}（中）` });

/** A small service-desk process: open (SLA clock of 24 h runs) -> resolved (clock stops) -> closed; reopen goes back. */
const SERVICE_DESK: Definition = {
  formatVersion: 1,
  key: KEY,
  version: 1,
  title: { en: 'Service desk', zh: '服务台' },
  tags: [],
  record: {
    schema: {
      type: 'object',
      properties: { title: { type: 'string', minLength: 1, maxLength: 200, 'x-label': label('Title') } },
      required: ['title'],
    },
    titleField: 'title',
  },
  roles: [
    { id: 'requester', label: label('Requester'), tags: ['requester'] },
    { id: 'agent', label: label('Agent'), tags: ['agent'] },
  ],
  initialState: 'open',
  states: [
    {
      id: 'open',
      label: label('Open'),
      tags: ['open'],
      kind: 'normal',
      clocks: [{ clock: 'resolution', action: 'start' }],
    },
    {
      id: 'resolved',
      label: label('Resolved'),
      tags: ['resolved'],
      kind: 'normal',
      clocks: [{ clock: 'resolution', action: 'stop' }],
    },
    { id: 'closed', label: label('Closed'), tags: ['closed'], kind: 'final' },
  ],
  transitions: [
    { id: 'resolve', from: 'open', event: 'resolve', to: 'resolved', label: label('Resolve'), actors: ['agent'] },
    { id: 'reopen', from: 'resolved', event: 'reopen', to: 'open', label: label('Reopen'), actors: ['requester'] },
    { id: 'close', from: 'resolved', event: 'close', to: 'closed', label: label('Close'), actors: ['agent'] },
  ],
  decisions: [],
  ruleSets: [],
  forms: [],
  clocks: [{ id: 'resolution', label: label('Time to resolve'), target: { default: 'PT24H' }, warnAt: [] }],
  calendars: [],
} as unknown as Definition;

describe('service reports over real records and event logs (GET /api/processes/:key/reports/service)', () => {
  const world = useRecordWorld('service_reports');

  const setNow = (iso: string) => (world.clock.current = new Date(iso));
  const start = async (title: string): Promise<string> => {
    const response = await world.api.call('POST', '/api/processes/:key/records', {
      url: `/api/processes/${KEY}/records`,
      headers: world.who.requester.headers,
      payload: { data: { title } },
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const send = async (caller: Caller, id: string, type: string): Promise<void> => {
    const response = await world.api.call('POST', '/api/records/:id/events', {
      url: `/api/records/${id}/events`,
      headers: caller.headers,
      payload: { type },
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const close = async (id: string) => {
    await send(world.who.agent, id, 'resolve');
    await send(world.who.agent, id, 'close');
  };
  const fireDueTimers = () => world.app.platform.records.runtime.scheduler.runDue();
  const report = (caller: Caller | null, query: string, key = KEY) =>
    world.api.call('GET', ROUTE, {
      url: `/api/processes/${key}/reports/service?${query}`,
      headers: caller?.headers ?? {},
    });
  const series = (body: ServiceReportView, id: string) =>
    body.measures.find((m) => m.id === id)?.series.map((p) => p.value);
  const trend = (body: ServiceReportView, id: string) => body.measures.find((m) => m.id === id)?.trend;
  const WEEKS = 'from=2026-03-02&to=2026-03-22&interval=week&tz=Europe/Berlin';

  beforeAll(async () => {
    await world.app.platform.records.processes.create(
      KEY,
      {
        title: SERVICE_DESK.title,
        owners: [world.who.owner.id],
        grants: [
          { role: 'agent', users: [], groups: ['desk'] },
          { role: 'requester', users: [], groups: ['staff'] },
        ],
      },
      world.who.admin.id,
    );
    await world.app.platform.records.engine.definitions.publish(SERVICE_DESK, world.who.owner.id, world.clock.now());

    // Week 1 (from Monday 2 March): A and B opened; A closed within 4 h; B breaches its 24 h clock.
    setNow('2026-03-02T09:00:00Z');
    const a = await start('A');
    const b = await start('B');
    setNow('2026-03-02T13:00:00Z');
    await close(a);
    setNow('2026-03-03T10:00:00Z');
    expect((await fireDueTimers()).fired).toBe(1);
    // Another process's record in the same week is not counted.
    await world.api.call('POST', '/api/processes/:key/records', {
      url: '/api/processes/incident/records',
      headers: world.who.requester.headers,
      payload: { data: incidentData() },
    });

    // Week 2: C, D, E opened; B closed late (170 h), C within SLA (6 h); D resolved, then reopened; D and E breach.
    // (D's restarted clock starts again at generation 1, whose breach timer id its first run's cancelled timer
    // holds, so no event records that breach; the report dates it from the projection's breach instant.)
    setNow('2026-03-09T09:00:00Z');
    const c = await start('C');
    const d = await start('D');
    const e = await start('E');
    setNow('2026-03-09T11:00:00Z');
    await close(b);
    setNow('2026-03-09T15:00:00Z');
    await close(c);
    setNow('2026-03-09T16:00:00Z');
    await send(world.who.agent, d, 'resolve');
    setNow('2026-03-10T10:00:00Z');
    await send(world.who.requester, d, 'reopen');
    setNow('2026-03-12T12:00:00Z');
    // D's and E's breaches (and the incident's own timers).
    expect((await fireDueTimers()).fired).toBeGreaterThanOrEqual(2);

    // Week 3: F, G, H, I opened; E closed late (192 h), F within SLA (3 h). G, H and I pass their breach
    // instant on 17 March; their timers have not fired by the report's "now", and they count all the same.
    setNow('2026-03-16T09:00:00Z');
    const f = await start('F');
    for (const title of ['G', 'H', 'I']) await start(title);
    setNow('2026-03-16T12:00:00Z');
    await close(f);
    setNow('2026-03-17T09:00:00Z');
    await close(e);
    setNow('2026-03-20T12:00:00Z');
  });

  it('given three weeks of records, when the owner asks for a weekly report, then each measure is a series of the counts the records and their logs give', async () => {
    const response = await report(world.who.owner, WEEKS);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ServiceReportView>();
    expect(body).toMatchObject({
      process: { key: KEY, title: SERVICE_DESK.title },
      period: {
        from: '2026-03-02',
        to: '2026-03-22',
        start: '2026-03-02T00:00:00.000+01:00',
        end: '2026-03-23T00:00:00.000+01:00',
      },
      interval: 'week',
      timeZone: 'Europe/Berlin',
      generatedAt: '2026-03-20T12:00:00.000Z',
    });
    // Every measure, the reopen count included: the process has resolved states.
    expect(body.measures.map((m) => m.id)).toEqual([...MEASURE_IDS]);
    expect(body.measures[0]?.series.map((p) => p.start)).toEqual([
      '2026-03-02T00:00:00.000+01:00',
      '2026-03-09T00:00:00.000+01:00',
      '2026-03-16T00:00:00.000+01:00',
    ]);
    expect(series(body, 'opened')).toEqual([2, 3, 4]);
    expect(series(body, 'closed')).toEqual([1, 2, 2]);
    expect(series(body, 'backlog')).toEqual([1, 2, 4]);
    expect(series(body, 'slaBreaches')).toEqual([1, 2, 3]);
    expect(series(body, 'slaMetShare')).toEqual([100, 50, 50]);
    expect(series(body, 'meanTimeToClose')).toEqual([4, 88, 97.5]);
    expect(series(body, 'p90TimeToClose')).toEqual([4, 170, 192]);
    expect(series(body, 'reopened')).toEqual([0, 1, 0]);
  });

  it('then each trend says which way the measure moves and whether that is better', async () => {
    const body = (await report(world.who.agent, WEEKS)).json<ServiceReportView>();
    expect(trend(body, 'backlog')).toEqual({ slope: 1.5, direction: 'rising', better: false });
    expect(trend(body, 'opened')).toEqual({ slope: 1, direction: 'rising', better: null });
    expect(trend(body, 'closed')).toEqual({ slope: 0.5, direction: 'rising', better: true });
    expect(trend(body, 'slaMetShare')).toEqual({ slope: -25, direction: 'falling', better: false });
    expect(trend(body, 'slaBreaches')).toEqual({ slope: 1, direction: 'rising', better: false });
  });

  it('given a period that starts later, then records still open at its start make the opening backlog and records closed before it count nowhere', async () => {
    const body = (
      await report(world.who.owner, 'from=2026-03-09&to=2026-03-22&tz=Europe/Berlin')
    ).json<ServiceReportView>();
    expect(series(body, 'opened')).toEqual([3, 4]);
    expect(series(body, 'closed')).toEqual([2, 2]);
    expect(series(body, 'backlog')).toEqual([2, 4]);
    expect(series(body, 'meanTimeToClose')).toEqual([88, 97.5]);
  });

  it('given a process with no records and no reopen, then zeros and empty values in every bucket, and no reopen measure', async () => {
    const body = (
      await report(world.who.admin, 'from=2026-03-02&to=2026-03-15', 'field-work')
    ).json<ServiceReportView>();
    expect(body.measures.map((m) => m.id)).not.toContain('reopened');
    expect(series(body, 'opened')).toEqual([0, 0]);
    expect(series(body, 'backlog')).toEqual([0, 0]);
    expect(series(body, 'slaMetShare')).toEqual([null, null]);
    expect(body.timeZone).toBe('UTC');
  });

  it('given daily buckets, then an empty day is zero, not missing, and the records land on their local days', async () => {
    const body = (
      await report(world.who.admin, 'from=2026-03-02&to=2026-03-08&interval=day&tz=Asia/Shanghai')
    ).json<ServiceReportView>();
    expect(body.measures[0]?.series).toHaveLength(7);
    expect(series(body, 'opened')).toEqual([2, 0, 0, 0, 0, 0, 0]);
    expect(series(body, 'slaBreaches')).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(series(body, 'meanTimeToClose')).toEqual([4, null, null, null, null, null, null]);
  });

  it('given format=csv, then one row per bucket and one column per measure, headed in the asked language', async () => {
    const response = await report(world.who.owner, `${WEEKS}&format=csv&locale=en`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="svc-desk-service-report-2026-03-02-2026-03-22.csv"',
    );
    expect(response.body.split('\r\n')).toEqual([
      'Interval start,Interval end,Records opened (count),Records closed (count),Backlog at interval end (count),SLA breaches (count),Closed within SLA (%),Mean time to close (hours),90th percentile time to close (hours),Records reopened (count)',
      '2026-03-02T00:00:00.000+01:00,2026-03-09T00:00:00.000+01:00,2,1,1,1,100,4,4,0',
      '2026-03-09T00:00:00.000+01:00,2026-03-16T00:00:00.000+01:00,3,2,2,2,50,88,170,1',
      '2026-03-16T00:00:00.000+01:00,2026-03-23T00:00:00.000+01:00,4,2,4,3,50,97.5,192,0',
      '',
    ]);
    const zh = await report(world.who.owner, `${WEEKS}&format=csv&locale=zh`);
    expect(zh.body.split('\r\n')[0]).toMatch(/^区间开始,区间结束,新建记录数 \(个\)/);
  });

  it('given a requester of the process, then 403; an agent of another process or an unknown key, then 404; anonymous, 401', async () => {
    expectProblem(await report(world.who.requester, WEEKS), 403, 'FORBIDDEN');
    expectProblem(await report(world.who.otherAgent, WEEKS), 404, 'NOT_FOUND');
    expectProblem(await report(world.who.admin, WEEKS, 'no-such-process'), 404, 'NOT_FOUND');
    expectProblem(await report(null, WEEKS), 401, 'UNAUTHENTICATED');
  });

  it('given a bad period, interval or zone, then 400 VALIDATION_FAILED pointing into the query', async () => {
    const pointer = async (query: string) => {
      const problem = expectProblem(await report(world.who.owner, query), 400, 'VALIDATION_FAILED');
      return { path: problem.errors?.[0]?.path, issue: problem.errors?.[0]?.issue };
    };
    expect(await pointer('tz=Mars/Olympus')).toEqual({ path: '/tz', issue: 'REPORT_TIME_ZONE_UNKNOWN' });
    expect(await pointer('interval=year')).toMatchObject({ path: '/interval' });
    expect(await pointer('from=2026-03-10&to=2026-03-01')).toEqual({ path: '/to', issue: 'REPORT_PERIOD_REVERSED' });
    expect(await pointer('from=2020-01-01&to=2026-03-01&interval=day')).toEqual({
      path: '/from',
      issue: 'REPORT_PERIOD_TOO_LONG',
    });
    expect(await pointer('from=2026-02-31')).toEqual({ path: '/from', issue: 'REPORT_DATE_INVALID' });
    expect(await pointer('from=March')).toMatchObject({ path: '/from' });
    expect(await pointer('format=xlsx')).toMatchObject({ path: '/format' });
    expectProblem(await report(world.who.owner, 'from[$gt]=2026-01-01'), 400, 'FORBIDDEN_KEY');
  });
});
