import type { LocalizedText } from '@clauseflow/common';
import { recordFacts, type RecordFacts, type ReportEvent, type ReportRecord } from './record-facts.ts';
import type { ReportBucket } from './report-period.ts';
import { trendOf, type Preferred, type Trend } from './trend.ts';

/** The measures a service report shows, in display order. */
export const MEASURE_IDS = [
  'opened',
  'closed',
  'backlog',
  'slaBreaches',
  'slaMetShare',
  'meanTimeToClose',
  'p90TimeToClose',
  'reopened',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/** The unit of a measure's values. */
export type MeasureUnit = 'count' | 'percent' | 'hours';

/** What a measure is: its labels, unit, which way is good, and how it is counted. */
export interface MeasureSpec {
  label: LocalizedText;
  unit: MeasureUnit;
  preferred: Preferred;
  description: LocalizedText;
}

/** The measure catalogue. */
export const MEASURES: Record<MeasureId, MeasureSpec> = {
  opened: {
    label: { en: 'Records opened', zh: '新建记录数' },
    unit: 'count',
    preferred: null,
    description: { en: 'Records created in the interval.', zh: '该区间内创建的记录数。' },
  },
  closed: {
    label: { en: 'Records closed', zh: '关闭记录数' },
    unit: 'count',
    preferred: 'higher',
    description: {
      en: 'Records that reached a final state in the interval.',
      zh: '该区间内到达终止状态的记录数。',
    },
  },
  backlog: {
    label: { en: 'Backlog at interval end', zh: '区间末积压' },
    unit: 'count',
    preferred: 'lower',
    description: {
      en: 'Records opened before the end of the interval and not closed by then.',
      zh: '区间结束前已创建且到区间结束时仍未关闭的记录数。',
    },
  },
  slaBreaches: {
    label: { en: 'SLA breaches', zh: 'SLA 违约次数' },
    unit: 'count',
    preferred: 'lower',
    description: {
      en: 'SLA clocks that went over their target in the interval (each clock of a record counts once, when it first breaches).',
      zh: '该区间内超过目标时限的 SLA 计时器数（每条记录的每个计时器只在首次违约时计一次）。',
    },
  },
  slaMetShare: {
    label: { en: 'Closed within SLA', zh: '按 SLA 关闭比例' },
    unit: 'percent',
    preferred: 'higher',
    description: {
      en: 'Of the records with SLA clocks closed in the interval, the share whose clocks all stayed within target; no value when none closed.',
      zh: '该区间内关闭且带有 SLA 计时器的记录中，所有计时器均未超时的比例；无关闭记录时无值。',
    },
  },
  meanTimeToClose: {
    label: { en: 'Mean time to close', zh: '平均关闭用时' },
    unit: 'hours',
    preferred: 'lower',
    description: {
      en: 'Mean elapsed time from opening to closing of the records closed in the interval; no value when none closed.',
      zh: '该区间内关闭的记录从创建到关闭的平均耗时；无关闭记录时无值。',
    },
  },
  p90TimeToClose: {
    label: { en: '90th percentile time to close', zh: '关闭用时第 90 百分位' },
    unit: 'hours',
    preferred: 'lower',
    description: {
      en: 'Time to close that 90 % of the records closed in the interval did not exceed (nearest rank); no value when none closed.',
      zh: '该区间内关闭记录中 90% 未超过的关闭用时（最近秩法）；无关闭记录时无值。',
    },
  },
  reopened: {
    label: { en: 'Records reopened', zh: '重新打开记录数' },
    unit: 'count',
    preferred: 'lower',
    description: {
      en: 'Times a resolved record went back to work in the interval (only for processes that allow reopening).',
      zh: '该区间内已解决记录被重新处理的次数（仅适用于允许重新打开的流程）。',
    },
  },
};

/** One bucket's value of a measure (null: nothing to measure in that bucket). */
export interface SeriesPoint {
  start: Date;
  end: Date;
  value: number | null;
}

/** One measure of a report. */
export interface ReportMeasure {
  id: MeasureId;
  label: LocalizedText;
  description: LocalizedText;
  unit: MeasureUnit;
  series: SeriesPoint[];
  trend: Trend;
}

const HOUR_MS = 3_600_000;

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

interface BucketTally {
  opened: number;
  closed: number;
  breaches: number;
  reopened: number;
  slaEligible: number;
  slaMet: number;
  hoursToClose: number[];
}

/**
 * Counts records into buckets one at a time, so a loader can stream them; `finish` gives the
 * measures. Counts are zero in empty buckets; the SLA share and times to close have no value
 * (null) in a bucket where nothing closed. Instants at or after the period's end, or before its
 * start, fall in no bucket (a record opened before the start still counts in the backlog).
 */
export class ServiceReportBuilder {
  private readonly tallies: BucketTally[];
  private readonly starts: number[];
  private readonly periodStart: number;
  private readonly periodEnd: number;
  /** Records opened before the period and still open at its start. */
  private backlogAtStart = 0;

  constructor(
    private readonly buckets: readonly ReportBucket[],
    private readonly options: { reopen?: boolean } = {},
  ) {
    this.tallies = buckets.map(() => ({
      opened: 0,
      closed: 0,
      breaches: 0,
      reopened: 0,
      slaEligible: 0,
      slaMet: 0,
      hoursToClose: [],
    }));
    this.starts = buckets.map((bucket) => bucket.start.getTime());
    this.periodStart = this.starts[0] ?? 0;
    this.periodEnd = buckets.at(-1)?.end.getTime() ?? 0;
  }

  /** The bucket holding the instant, or null when it lies outside the period. */
  private bucketOf(at: Date): BucketTally | null {
    const ms = at.getTime();
    if (ms < this.periodStart || ms >= this.periodEnd) return null;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= ms) low = mid;
      else high = mid - 1;
    }
    return this.tallies[low] ?? null;
  }

  /** Counts one record. */
  add(facts: RecordFacts): void {
    const opened = facts.openedAt.getTime();
    if (opened >= this.periodEnd) return;
    const closed = facts.closedAt?.getTime() ?? null;
    if (opened < this.periodStart && (closed === null || closed >= this.periodStart)) this.backlogAtStart++;
    const openedIn = this.bucketOf(facts.openedAt);
    if (openedIn) openedIn.opened++;
    const closedIn = facts.closedAt ? this.bucketOf(facts.closedAt) : null;
    if (closedIn && closed !== null) {
      closedIn.closed++;
      closedIn.hoursToClose.push(Math.max(0, closed - opened) / HOUR_MS);
      if (facts.slaMet !== null) {
        closedIn.slaEligible++;
        if (facts.slaMet) closedIn.slaMet++;
      }
    }
    for (const at of facts.breaches) {
      const bucket = this.bucketOf(at);
      if (bucket) bucket.breaches++;
    }
    for (const at of facts.reopens) {
      const bucket = this.bucketOf(at);
      if (bucket) bucket.reopened++;
    }
  }

  /** The measures over the buckets, each with its trend. */
  finish(): ReportMeasure[] {
    let backlog = this.backlogAtStart;
    const values: Record<MeasureId, (number | null)[]> = {
      opened: [],
      closed: [],
      backlog: [],
      slaBreaches: [],
      slaMetShare: [],
      meanTimeToClose: [],
      p90TimeToClose: [],
      reopened: [],
    };
    for (const tally of this.tallies) {
      backlog += tally.opened - tally.closed;
      const hours = [...tally.hoursToClose].sort((a, b) => a - b);
      values.opened.push(tally.opened);
      values.closed.push(tally.closed);
      values.backlog.push(backlog);
      values.slaBreaches.push(tally.breaches);
      values.slaMetShare.push(tally.slaEligible === 0 ? null : round((100 * tally.slaMet) / tally.slaEligible, 1));
      values.meanTimeToClose.push(
        hours.length === 0 ? null : round(hours.reduce((sum, h) => sum + h, 0) / hours.length, 2),
      );
      values.p90TimeToClose.push(hours.length === 0 ? null : round(percentile(hours, 0.9), 2));
      values.reopened.push(tally.reopened);
    }
    return MEASURE_IDS.filter((id) => id !== 'reopened' || this.options.reopen === true).map((id) => {
      const spec = MEASURES[id];
      return {
        id,
        label: spec.label,
        description: spec.description,
        unit: spec.unit,
        series: this.buckets.map((bucket, index) => ({
          start: bucket.start,
          end: bucket.end,
          value: values[id][index] ?? null,
        })),
        trend: trendOf(values[id], spec.preferred),
      };
    });
  }
}

/** What {@link buildServiceReport} needs: records, their events, the buckets. */
export interface ServiceReportInput {
  records: readonly ReportRecord[];
  /** Events of those records (any order); events of other records are ignored. */
  events: readonly ReportEvent[];
  buckets: readonly ReportBucket[];
  /** States tagged `resolved`; when given (even empty), the reopen measure is included. */
  resolvedStates?: ReadonlySet<string>;
  /** The report's "now" (see {@link recordFacts}); without it, only recorded breach events count. */
  asOf?: Date;
}

/** The measures of a report over records and their events, all in memory (see {@link ServiceReportBuilder} to stream). */
export function buildServiceReport(input: ServiceReportInput): ReportMeasure[] {
  const byRecord = new Map<string, ReportEvent[]>();
  for (const event of input.events) {
    const list = byRecord.get(event.instanceId);
    if (list) list.push(event);
    else byRecord.set(event.instanceId, [event]);
  }
  const builder = new ServiceReportBuilder(input.buckets, { reopen: input.resolvedStates !== undefined });
  for (const record of input.records) {
    builder.add(
      recordFacts(record, byRecord.get(record._id) ?? [], {
        resolvedStates: input.resolvedStates,
        asOf: input.asOf,
      }),
    );
  }
  return builder.finish();
}
