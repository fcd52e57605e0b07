import { isDomainError } from '@clauseflow/common';
import { describe, expect, it } from 'vitest';
import { REPORT_ISSUES } from './report-issues.ts';
import { localIso, MAX_REPORT_BUCKETS, reportBuckets, resolveReportPeriod } from './report-period.ts';
import { at } from './testing/report-fixtures.ts';

const HOUR = 3_600_000;
const hours = (bucket: { start: Date; end: Date }) => (bucket.end.getTime() - bucket.start.getTime()) / HOUR;

function problemOf(run: () => unknown): { path: string; issue: string | undefined } {
  try {
    run();
  } catch (error) {
    if (!isDomainError(error)) throw error;
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
