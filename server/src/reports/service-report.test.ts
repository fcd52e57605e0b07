import { describe, expect, it } from 'vitest';
import { ProblemError } from '../errors/problem-error.ts';
import { recordFacts, type ReportEvent, type ReportRecord } from './record-facts.ts';
import { csvField, reportCsv } from './report-csv.ts';
import { REPORT_ISSUES } from './report-issues.ts';
import { localIso, MAX_REPORT_BUCKETS, reportBuckets, resolveReportPeriod } from './report-period.ts';
import { buildServiceReport, MEASURES, type MeasureId, type ReportMeasure } from './service-report.ts';
import { FLAT_TREND_SHARE, trendOf } from './trend.ts';

const HOUR = 3_600_000;
const hours = (bucket: { start: Date; end: Date }) => (bucket.end.getTime() - bucket.start.getTime()) / HOUR;
const at = (iso: string) => new Date(iso);

/** Builds the events of one record: a start, then steps with a status each. */
function events(id: string, steps: [string, Partial<ReportEvent> & { state?: string; status?: string }][]) {
  return steps.map(([iso, step], index): ReportEvent => {
    const { state, status, ...rest } = step;
    return {
      instanceId: id,
      seq: index + 1,
      type: index === 0 ? 'started' : 'step',
      at: at(iso),
      body: {
        kind: index === 0 ? 'started' : 'stepped',
        state: { state: state ?? 'open', status: status ?? 'active' },
      },
      ...rest,
    };
  });
}

function record(id: string, createdAt: string, clocks: ReportRecord['clocks'] = {}): ReportRecord {
  return { _id: id, createdAt: at(createdAt), clocks };
}

function valuesOf(measures: ReportMeasure[], id: MeasureId): (number | null)[] {
  const measure = measures.find((m) => m.id === id);
  if (!measure) throw new Error(`no measure ${id}`);
  return measure.series.map((point) => point.value);
}

function problemOf(run: () => unknown): { path: string; issue: string | undefined } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    const first = error.errors?.[0];
    expect(first?.code).toBe('INVALID_VALUE');
    expect(first?.in).toBe('querystring');
    return { path: first?.path ?? '', issue: first?.issue };
  }
  throw new Error('no problem raised');
}

describe('report buckets in a time zone', () => {
  it('given Europe/Berlin across the spring-forward night, then that day lasts 23 hours and its week 167, each bucket starting at local midnight', () => {
    const days = reportBuckets(at('2026-03-27T23:00:00Z'), at('2026-03-30T22:00:00Z'), 'day', 'Europe/Berlin');
    expect(days.map((d) => localIso(d.start, 'Europe/Berlin'))).toEqual([
      '2026-03-28T00:00:00.000+01:00',
      '2026-03-29T00:00:00.000+01:00',
      '2026-03-30T00:00:00.000+02:00',
    ]);
    expect(days.map(hours)).toEqual([24, 23, 24]);
    const [week] = reportBuckets(at('2026-03-25T12:00:00Z'), at('2026-03-26T00:00:00Z'), 'week', 'Europe/Berlin');
    expect(localIso(week!.start, 'Europe/Berlin')).toBe('2026-03-23T00:00:00.000+01:00');
    expect(localIso(week!.end, 'Europe/Berlin')).toBe('2026-03-30T00:00:00.000+02:00');
    expect(hours(week!)).toBe(167);
  });

  it('given Europe/Berlin in the autumn, then the fall-back day lasts 25 hours', () => {
    const days = reportBuckets(at('2026-10-24T22:00:00Z'), at('2026-10-26T00:00:00Z'), 'day', 'Europe/Berlin');
    expect(days.map(hours)).toEqual([25, 24]);
  });

  it('given Asia/Shanghai (no daylight saving), then weeks last 168 hours and start Monday 00:00 local, Sunday 16:00 UTC', () => {
    const weeks = reportBuckets(at('2026-03-02T00:00:00Z'), at('2026-04-13T00:00:00Z'), 'week', 'Asia/Shanghai');
    expect(weeks.every((w) => hours(w) === 168)).toBe(true);
    expect(weeks[0]!.start.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(weeks.at(-1)!.end.getTime()).toBeGreaterThanOrEqual(at('2026-04-13T00:00:00Z').getTime());
  });

  it('given months, then each runs from the 1st to the 1st, however long', () => {
    const months = reportBuckets(at('2026-01-15T00:00:00Z'), at('2026-03-02T00:00:00Z'), 'month', 'UTC');
    expect(months.map((m) => m.start.toISOString().slice(0, 10))).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(months.map(hours)).toEqual([31 * 24, 28 * 24, 31 * 24]);
  });
});

describe('resolving a report period from its query', () => {
  const now = at('2026-03-18T10:00:00Z'); // a Wednesday

  it('given no query, then 12 ISO weeks in UTC ending with the week of today', () => {
    const period = resolveReportPeriod({}, now);
    expect(period).toMatchObject({ timeZone: 'UTC', interval: 'week', to: '2026-03-18' });
    expect(period.buckets).toHaveLength(12);
    expect(period.end.toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(period.start.toISOString()).toBe('2025-12-29T00:00:00.000Z');
  });

  it('given dates inside intervals, then the period widens to whole intervals in the zone', () => {
    const period = resolveReportPeriod(
      { from: '2026-03-04', to: '2026-03-10', interval: 'week', tz: 'Asia/Shanghai' },
      now,
    );
    expect(period.start.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-03-15T16:00:00.000Z');
    expect(period.buckets).toHaveLength(2);
    expect(period).toMatchObject({ from: '2026-03-04', to: '2026-03-10' });
  });

  it('given a single day, then one bucket of that local day', () => {
    const period = resolveReportPeriod(
      { from: '2026-03-29', to: '2026-03-29', interval: 'day', tz: 'Europe/Berlin' },
      now,
    );
    expect(period.buckets).toHaveLength(1);
    expect(hours(period.buckets[0]!)).toBe(23);
  });

  it('given bad values, then VALIDATION_FAILED with a report issue and a JSON Pointer into the query', () => {
    expect(problemOf(() => resolveReportPeriod({ tz: 'Mars/Olympus_Mons' }, now))).toEqual({
      path: '/tz',
      issue: 'REPORT_TIME_ZONE_UNKNOWN',
    });
    expect(problemOf(() => resolveReportPeriod({ from: '2026-02-30' }, now))).toEqual({
      path: '/from',
      issue: 'REPORT_DATE_INVALID',
    });
    expect(problemOf(() => resolveReportPeriod({ from: '2026-01-01', to: '2026-13-01' }, now))).toEqual({
      path: '/to',
      issue: 'REPORT_DATE_INVALID',
    });
    expect(problemOf(() => resolveReportPeriod({ from: '2026-03-10', to: '2026-03-09' }, now))).toEqual({
      path: '/to',
      issue: 'REPORT_PERIOD_REVERSED',
    });
    expect(
      problemOf(() => resolveReportPeriod({ from: '2000-01-01', to: '2099-12-31', interval: 'day' }, now)),
    ).toEqual({ path: '/from', issue: 'REPORT_PERIOD_TOO_LONG' });
  });

  it(`given exactly ${MAX_REPORT_BUCKETS} days, then it is accepted; one more is refused`, () => {
    const from = '2026-01-01';
    const last = new Date(Date.UTC(2026, 0, MAX_REPORT_BUCKETS)).toISOString().slice(0, 10);
    const lastPlusOne = new Date(Date.UTC(2026, 0, MAX_REPORT_BUCKETS + 1)).toISOString().slice(0, 10);
    expect(resolveReportPeriod({ from, to: last, interval: 'day' }, now).buckets).toHaveLength(MAX_REPORT_BUCKETS);
    expect(problemOf(() => resolveReportPeriod({ from, to: lastPlusOne, interval: 'day' }, now)).issue).toBe(
      'REPORT_PERIOD_TOO_LONG',
    );
  });

  it('then every report issue is explained in English and Chinese', () => {
    for (const [code, text] of Object.entries(REPORT_ISSUES)) {
      expect(code).toMatch(/^REPORT_[A-Z_]+$/);
      expect(text.en.length).toBeGreaterThan(10);
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('the facts of one record', () => {
  it('given a record that reached a final state, then it is closed at that event and met its SLA when no clock breached', () => {
    const facts = recordFacts(
      record('r1', '2026-03-02T09:00:00Z', { resolution: { breached: false } }),
      events('r1', [
        ['2026-03-02T09:00:00Z', {}],
        ['2026-03-02T10:00:00Z', { state: 'resolved' }],
        ['2026-03-03T09:00:00Z', { state: 'closed', status: 'done' }],
      ]),
    );
    expect(facts).toEqual({
      openedAt: at('2026-03-02T09:00:00Z'),
      closedAt: at('2026-03-03T09:00:00Z'),
      slaMet: true,
      breaches: [],
      reopens: [],
    });
  });

  it('given breach events of both kinds, then each clock counts once, at its first breach, and the SLA was missed', () => {
    const facts = recordFacts(
      record('r2', '2026-03-02T09:00:00Z', { response: { breached: true }, resolution: { breached: true } }),
      [
        ...events('r2', [['2026-03-02T09:00:00Z', {}]]),
        {
          instanceId: 'r2',
          seq: 2,
          type: 'sla.breached',
          at: at('2026-03-02T17:00:00Z'),
          body: { kind: 'clock', input: { data: { clock: 'response' } }, state: { state: 'open', status: 'active' } },
        },
        {
          instanceId: 'r2',
          seq: 3,
          type: 'sla.breached',
          at: at('2026-03-02T18:00:00Z'),
          body: { kind: 'clock', input: { data: { clock: 'response' } }, state: { state: 'open', status: 'active' } },
        },
        {
          instanceId: 'r2',
          seq: 4,
          type: 'escalate-late',
          at: at('2026-03-03T09:00:00Z'),
          idempotencyKey: 'timer:r2:sla:resolution:clock-breach:1',
          body: { kind: 'stepped', state: { state: 'escalated', status: 'active' } },
        },
        ...events('r2', [['2026-03-04T09:00:00Z', { state: 'closed', status: 'done' }]]).map((e) => ({
          ...e,
          seq: 5,
        })),
      ],
    );
    expect(facts.breaches).toEqual([at('2026-03-02T17:00:00Z'), at('2026-03-03T09:00:00Z')]);
    expect(facts.slaMet).toBe(false);
  });

  it('given an open record or one without clocks, then it has no SLA verdict', () => {
    expect(recordFacts(record('r3', '2026-03-02T09:00:00Z', { c: { breached: false } }), []).slaMet).toBeNull();
    const closedNoClock = recordFacts(
      record('r4', '2026-03-02T09:00:00Z'),
      events('r4', [
        ['2026-03-02T09:00:00Z', {}],
        ['2026-03-02T11:00:00Z', { state: 'closed', status: 'done' }],
      ]),
    );
    expect(closedNoClock.closedAt).toEqual(at('2026-03-02T11:00:00Z'));
    expect(closedNoClock.slaMet).toBeNull();
  });

  it('given a step from a resolved state back into work, then it is a reopen; a step into another resolved state is not', () => {
    const steps = events('r5', [
      ['2026-03-02T09:00:00Z', {}],
      ['2026-03-02T10:00:00Z', { state: 'resolved' }],
      ['2026-03-02T11:00:00Z', { state: 'open' }],
      ['2026-03-02T12:00:00Z', { state: 'resolved' }],
      ['2026-03-02T13:00:00Z', { state: 'verified' }],
    ]).map((e, i, all) => ({ ...e, body: { ...e.body, from: i === 0 ? null : all[i - 1]!.body!.state!.state } }));
    const facts = recordFacts(record('r5', '2026-03-02T09:00:00Z'), steps, {
      resolvedStates: new Set(['resolved', 'verified']),
    });
    expect(facts.reopens).toEqual([at('2026-03-02T11:00:00Z')]);
  });

  it('given a clock the projection shows past its breach instant but no breach event yet, then it counts at that instant, once', () => {
    const running = record('r7', '2026-03-02T09:00:00Z', {
      resolution: { status: 'running', breached: false, breachAt: at('2026-03-03T09:00:00Z') },
      response: { status: 'running', breached: false, breachAt: at('2026-03-09T09:00:00Z') },
    });
    const started = events('r7', [['2026-03-02T09:00:00Z', {}]]);
    expect(recordFacts(running, started, { asOf: at('2026-03-05T00:00:00Z') }).breaches).toEqual([
      at('2026-03-03T09:00:00Z'),
    ]);
    expect(recordFacts(running, started).breaches).toEqual([]);
    const recorded: ReportEvent = {
      instanceId: 'r7',
      seq: 2,
      type: 'sla.breached',
      at: at('2026-03-03T09:05:00Z'),
      body: { kind: 'clock', input: { data: { clock: 'resolution' } }, state: { state: 'open', status: 'active' } },
    };
    expect(recordFacts(running, [...started, recorded], { asOf: at('2026-03-05T00:00:00Z') }).breaches).toEqual([
      at('2026-03-03T09:05:00Z'),
    ]);
    const stoppedLate = record('r8', '2026-03-02T09:00:00Z', {
      resolution: { status: 'stopped', breached: true, breachAt: at('2026-03-03T09:00:00Z') },
    });
    const closedLate = events('r8', [
      ['2026-03-02T09:00:00Z', {}],
      ['2026-03-04T09:00:00Z', { state: 'closed', status: 'done' }],
    ]);
    expect(recordFacts(stoppedLate, closedLate, { asOf: at('2026-03-05T00:00:00Z') })).toMatchObject({
      breaches: [at('2026-03-03T09:00:00Z')],
      slaMet: false,
    });
    // A clock left running into a final state does not breach after the record closed.
    const leftRunning = record('r9', '2026-03-02T09:00:00Z', {
      resolution: { status: 'running', breached: false, breachAt: at('2026-03-05T09:00:00Z') },
    });
    expect(recordFacts(leftRunning, closedLate, { asOf: at('2026-03-09T00:00:00Z') })).toMatchObject({
      breaches: [],
      slaMet: true,
    });
  });

  it('given events out of order, then they are read by sequence number', () => {
    const ordered = events('r6', [
      ['2026-03-02T09:00:00Z', {}],
      ['2026-03-02T10:00:00Z', { state: 'closed', status: 'done' }],
    ]);
    expect(recordFacts(record('r6', '2026-03-02T09:00:00Z'), [...ordered].reverse()).closedAt).toEqual(
      at('2026-03-02T10:00:00Z'),
    );
  });
});

describe('building a service report', () => {
  // Three ISO weeks in UTC: 2 Mar, 9 Mar, 16 Mar 2026.
  const buckets = reportBuckets(at('2026-03-02T00:00:00Z'), at('2026-03-23T00:00:00Z'), 'week', 'UTC');
  const closed = (id: string, opened: string, closedAt: string, breached = false) => ({
    record: record(id, opened, { resolution: { breached } }),
    events: events(id, [
      [opened, {}],
      [closedAt, { state: 'closed', status: 'done' }],
    ]),
  });
  const open = (id: string, opened: string) => ({ record: record(id, opened), events: events(id, [[opened, {}]]) });
  const report = (items: { record: ReportRecord; events: ReportEvent[] }[], resolved?: Set<string>) =>
    buildServiceReport({
      records: items.map((i) => i.record),
      events: items.flatMap((i) => i.events),
      buckets,
      ...(resolved ? { resolvedStates: resolved } : {}),
    });

  it('given no records, then every bucket is present: counts are zero, shares and times have no value, trends flat', () => {
    const measures = report([]);
    expect(measures.map((m) => m.id)).toEqual([
      'opened',
      'closed',
      'backlog',
      'slaBreaches',
      'slaMetShare',
      'meanTimeToClose',
      'p90TimeToClose',
    ]);
    for (const measure of measures) {
      expect(measure.series).toHaveLength(3);
      expect(measure.trend).toEqual({ slope: 0, direction: 'flat', better: null });
      expect(measure.label.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(valuesOf(measures, 'opened')).toEqual([0, 0, 0]);
    expect(valuesOf(measures, 'backlog')).toEqual([0, 0, 0]);
    expect(valuesOf(measures, 'slaMetShare')).toEqual([null, null, null]);
    expect(valuesOf(measures, 'meanTimeToClose')).toEqual([null, null, null]);
  });

  it('given records opened before and during the period, then opened, closed and backlog at each bucket end add up', () => {
    const measures = report([
      open('before-open', '2026-02-20T10:00:00Z'), // backlog from the start
      closed('before-closed', '2026-02-20T10:00:00Z', '2026-02-25T10:00:00Z'), // nothing to do with the period
      closed('before-closed-in', '2026-02-27T10:00:00Z', '2026-03-03T10:00:00Z'), // backlog, then closed in week 1
      open('w1', '2026-03-04T10:00:00Z'),
      closed('w2', '2026-03-10T10:00:00Z', '2026-03-11T10:00:00Z'),
      closed('w2-late', '2026-03-12T10:00:00Z', '2026-03-30T10:00:00Z'), // closes after the period
      open('after', '2026-03-25T10:00:00Z'),
    ]);
    expect(valuesOf(measures, 'opened')).toEqual([1, 2, 0]);
    expect(valuesOf(measures, 'closed')).toEqual([1, 1, 0]);
    expect(valuesOf(measures, 'backlog')).toEqual([2, 3, 3]);
  });

  it('given instants on bucket boundaries, then a bucket holds its start and not its end', () => {
    const measures = report([
      open('at-start', '2026-03-02T00:00:00Z'),
      open('at-week-2', '2026-03-09T00:00:00Z'),
      open('just-before-2', '2026-03-08T23:59:59.999Z'),
      open('at-end', '2026-03-23T00:00:00Z'),
    ]);
    expect(valuesOf(measures, 'opened')).toEqual([2, 1, 0]);
  });

  it('given closed records, then SLA share, mean and 90th percentile time to close (nearest rank) per bucket, in hours', () => {
    const items = [
      closed('a', '2026-03-02T00:00:00Z', '2026-03-02T01:00:00Z'),
      closed('b', '2026-03-02T00:00:00Z', '2026-03-02T02:00:00Z'),
      closed('c', '2026-03-02T00:00:00Z', '2026-03-02T03:00:00Z', true),
      closed('d', '2026-03-02T00:00:00Z', '2026-03-02T10:00:00Z', true),
      closed('e', '2026-03-09T00:00:00Z', '2026-03-09T00:30:00Z'),
    ];
    const measures = report(items);
    expect(valuesOf(measures, 'slaMetShare')).toEqual([50, 100, null]);
    expect(valuesOf(measures, 'meanTimeToClose')).toEqual([4, 0.5, null]);
    expect(valuesOf(measures, 'p90TimeToClose')).toEqual([10, 0.5, null]);
  });

  it('given breach events, then they count in the bucket they happened in; events after the period count nowhere', () => {
    const breach = (id: string, seq: number, iso: string): ReportEvent => ({
      instanceId: id,
      seq,
      type: 'sla.breached',
      at: at(iso),
      body: { kind: 'clock', input: { data: { clock: 'resolution' } }, state: { state: 'open', status: 'active' } },
    });
    const x = open('x', '2026-03-02T10:00:00Z');
    const y = open('y', '2026-03-09T10:00:00Z');
    const z = open('z', '2026-03-16T10:00:00Z');
    const measures = report([
      { ...x, events: [...x.events, breach('x', 2, '2026-03-10T10:00:00Z')] },
      { ...y, events: [...y.events, breach('y', 2, '2026-03-16T10:00:00Z')] },
      { ...z, events: [...z.events, breach('z', 2, '2026-03-24T10:00:00Z')] },
    ]);
    expect(valuesOf(measures, 'slaBreaches')).toEqual([0, 1, 1]);
  });

  it('given resolved states, then the reopen measure is included and counts steps back into work', () => {
    const steps = events('r', [
      ['2026-03-02T10:00:00Z', {}],
      ['2026-03-03T10:00:00Z', { state: 'resolved' }],
      ['2026-03-10T10:00:00Z', { state: 'open' }],
    ]).map((e, i, all) => ({ ...e, body: { ...e.body, from: i === 0 ? null : all[i - 1]!.body!.state!.state } }));
    const measures = report([{ record: record('r', '2026-03-02T10:00:00Z'), events: steps }], new Set(['resolved']));
    expect(valuesOf(measures, 'reopened')).toEqual([0, 1, 0]);
    expect(measures.at(-1)?.label).toEqual(MEASURES.reopened.label);
  });

  it('given a growing backlog, then its trend is rising and not better; closing more is rising and better', () => {
    const measures = report([
      open('o1', '2026-03-02T10:00:00Z'),
      open('o2', '2026-03-09T10:00:00Z'),
      open('o3', '2026-03-10T10:00:00Z'),
      open('o4', '2026-03-16T10:00:00Z'),
      open('o5', '2026-03-17T10:00:00Z'),
      open('o6', '2026-03-18T10:00:00Z'),
    ]);
    expect(valuesOf(measures, 'backlog')).toEqual([1, 3, 6]);
    expect(measures.find((m) => m.id === 'backlog')?.trend).toEqual({ slope: 2.5, direction: 'rising', better: false });
    expect(measures.find((m) => m.id === 'opened')?.trend).toEqual({ slope: 1, direction: 'rising', better: null });
  });
});

describe('the trend of a series', () => {
  it('given a falling series where lower is better, then falling and better, with the least-squares slope', () => {
    expect(trendOf([10, 8, 6, 4], 'lower')).toEqual({ slope: -2, direction: 'falling', better: true });
    expect(trendOf([10, 8, 6, 4], 'higher')).toEqual({ slope: -2, direction: 'falling', better: false });
  });

  it('given noise around a level, then least squares fits through it', () => {
    expect(trendOf([1, 3, 2, 4], null).slope).toBe(0.8);
  });

  it(`given a change within ${FLAT_TREND_SHARE * 100} % of the mean over the period, then flat; just beyond, not`, () => {
    // Mean 100; the line changes by 5 over 5 intervals: exactly the threshold.
    expect(trendOf([97.5, 98.5, 99.5, 100.5, 101.5, 102.5], 'higher')).toEqual({
      slope: 1,
      direction: 'flat',
      better: null,
    });
    expect(trendOf([97.4, 98.44, 99.48, 100.52, 101.56, 102.6], 'higher').direction).toBe('rising');
  });

  it('given buckets without a value, then they are skipped; fewer than two values is flat', () => {
    expect(trendOf([null, 50, null, 100], 'higher')).toEqual({ slope: 25, direction: 'rising', better: true });
    expect(trendOf([null, 50, null], 'higher')).toEqual({ slope: 0, direction: 'flat', better: null });
    expect(trendOf([0, 0, 0], 'lower').direction).toBe('flat');
    expect(trendOf([0, 0, 1], 'lower')).toMatchObject({ direction: 'rising', better: false });
  });
});

describe('the report as CSV', () => {
  it('given text with separators, quotes, line breaks or a formula prefix, then it is quoted and escaped', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(null)).toBe('');
  });

  it('given measures, then one header row with labels and units in the locale, one row per bucket, CRLF lines', () => {
    const buckets = reportBuckets(at('2026-03-02T00:00:00Z'), at('2026-03-16T00:00:00Z'), 'week', 'UTC');
    const measures = buildServiceReport({ records: [record('a', '2026-03-03T00:00:00Z')], events: [], buckets });
    const csv = reportCsv(measures, (d) => d.toISOString(), 'zh');
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      '区间开始,区间结束,新建记录数 (个),关闭记录数 (个),区间末积压 (个),SLA 违约次数 (个),按 SLA 关闭比例 (%),平均关闭用时 (小时),关闭用时第 90 百分位 (小时)',
    );
    expect(lines[1]).toBe('2026-03-02T00:00:00.000Z,2026-03-09T00:00:00.000Z,1,0,1,0,,,');
    expect(lines[3]).toBe('');
    expect(reportCsv(measures, (d) => d.toISOString(), 'en').split('\r\n')[0]).toContain('Records opened (count)');
  });
});
