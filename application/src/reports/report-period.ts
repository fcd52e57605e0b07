import { DateTime, IANAZone } from 'luxon';
import { DomainError, fieldIssue, type FieldIssue } from '@clauseflow/common';
import { REPORT_ISSUES, type ReportIssue } from './report-issues.ts';

/** The bucket sizes a report may use. */
export const REPORT_INTERVALS = ['day', 'week', 'month'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/** The most buckets one report holds (about a year of days, eight years of weeks). */
export const MAX_REPORT_BUCKETS = 400;

/** Buckets of a report when `from` is not given: the one holding `to` and the ones before it. */
export const DEFAULT_REPORT_BUCKETS = 12;

/** One bucket: `[start, end)`, whole days, ISO weeks (Monday first) or months in the report's time zone. */
export interface ReportBucket {
  start: Date;
  end: Date;
}

/** A resolved period: `[start, end)` widened to whole intervals, and its buckets. */
export interface ReportPeriod {
  timeZone: string;
  interval: ReportInterval;
  /** The local dates asked for (or defaulted), both included. */
  from: string;
  to: string;
  start: Date;
  end: Date;
  buckets: ReportBucket[];
}

/** The query parameters that define a period; absent ones take defaults. */
export interface ReportPeriodQuery {
  from?: string | undefined;
  to?: string | undefined;
  interval?: ReportInterval | undefined;
  tz?: string | undefined;
}

/** Is this an IANA time zone luxon knows (or `UTC`)? */
export function isKnownTimeZone(zone: string): boolean {
  return zone === 'UTC' || IANAZone.isValidZone(zone);
}

/**
 * The buckets covering `[start, end)` in `zone`: each starts at a local midnight (a Monday for
 * weeks, the 1st for months) and ends where the next starts, so across a daylight-saving change
 * a day lasts 23 or 25 hours. `start` is moved back to the start of its interval.
 */
export function reportBuckets(start: Date, end: Date, interval: ReportInterval, zone: string): ReportBucket[] {
  const buckets: ReportBucket[] = [];
  let cursor = DateTime.fromJSDate(start, { zone }).startOf(interval);
  const stop = end.getTime();
  while (cursor.toMillis() < stop) {
    const next = cursor.plus({ [interval]: 1 }).startOf(interval);
    buckets.push({ start: cursor.toJSDate(), end: next.toJSDate() });
    cursor = next;
  }
  return buckets;
}

/** A bucket boundary as ISO 8601 with the report zone's offset at that instant. */
export function localIso(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO() ?? instant.toISOString();
}

function issue(path: string, code: ReportIssue): FieldIssue {
  return { ...fieldIssue('INVALID_VALUE', path, REPORT_ISSUES[code].en, 'querystring'), issue: code };
}

function refuse(path: string, code: ReportIssue, detail: string): never {
  throw new DomainError('VALIDATION_FAILED', detail, { errors: [issue(path, code)] });
}

function localDate(text: string, zone: string, path: string): DateTime {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? DateTime.fromISO(text, { zone }) : null;
  if (!date?.isValid) refuse(path, 'REPORT_DATE_INVALID', `${path.slice(1)} is not a calendar date: ${text}.`);
  return date.startOf('day');
}

/**
 * Resolves a report's period from its query: `from` and `to` are local dates in `tz` (both
 * included; `to` defaults to today, `from` to {@link DEFAULT_REPORT_BUCKETS} intervals back),
 * widened to whole intervals. Throws VALIDATION_FAILED with a JSON Pointer into the query for an
 * unknown zone, an impossible date, a reversed period or more than {@link MAX_REPORT_BUCKETS} buckets.
 */
export function resolveReportPeriod(query: ReportPeriodQuery, now: Date): ReportPeriod {
  const zone = query.tz ?? 'UTC';
  if (!isKnownTimeZone(zone)) refuse('/tz', 'REPORT_TIME_ZONE_UNKNOWN', `Unknown time zone ${zone}.`);
  const interval = query.interval ?? 'week';
  const to =
    query.to === undefined ? DateTime.fromJSDate(now, { zone }).startOf('day') : localDate(query.to, zone, '/to');
  const from =
    query.from === undefined
      ? to.startOf(interval).minus({ [interval]: DEFAULT_REPORT_BUCKETS - 1 })
      : localDate(query.from, zone, '/from');
  if (to < from) refuse('/to', 'REPORT_PERIOD_REVERSED', 'The period ends before it starts.');
  const start = from.startOf(interval);
  const end = to
    .startOf(interval)
    .plus({ [interval]: 1 })
    .startOf(interval);
  // Count before building, so a huge period costs nothing.
  const count = Math.round(end.diff(start, interval).as(interval));
  if (count > MAX_REPORT_BUCKETS) {
    refuse(
      '/from',
      'REPORT_PERIOD_TOO_LONG',
      `The period holds ${count} ${interval}s; a report shows at most ${MAX_REPORT_BUCKETS}.`,
    );
  }
  const buckets = reportBuckets(start.toJSDate(), end.toJSDate(), interval, zone);
  return {
    timeZone: zone,
    interval,
    from: from.toISODate() ?? '',
    to: to.toISODate() ?? '',
    start: start.toJSDate(),
    end: end.toJSDate(),
    buckets,
  };
}
