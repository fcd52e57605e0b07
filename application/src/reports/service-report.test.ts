import { describe, expect, it } from 'vitest';
import type { ReportEvent, ReportRecord } from './record-facts.ts';
import { reportBuckets } from './report-period.ts';
import { buildServiceReport, MEASURE_IDS, MEASURES } from './service-report.ts';
import { FLAT_TREND_SHARE, trendOf } from './trend.ts';
import { at, events, record, valuesOf } from './testing/report-fixtures.ts';

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
    // Without resolved states there is nothing to reopen: every measure but the reopen count.
    expect(measures.map((m) => m.id)).toEqual(MEASURE_IDS.filter((id) => id !== 'reopened'));
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
