import type { LocalizedText } from '../errors/problem-codes.ts';
import type { MeasureUnit, ReportMeasure } from '@clauseflow/application';

type Locale = 'en' | 'zh';

const BUCKET_COLUMNS: { start: LocalizedText; end: LocalizedText } = {
  start: { en: 'Interval start', zh: '区间开始' },
  end: { en: 'Interval end', zh: '区间结束' },
};

const UNITS: Record<MeasureUnit, LocalizedText> = {
  count: { en: 'count', zh: '个' },
  percent: { en: '%', zh: '%' },
  hours: { en: 'hours', zh: '小时' },
};

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
 * doubled. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
 * or carriage return) is prefixed with `'`; numbers are written as they are.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The report as CSV: a header row, then one row per bucket with its start and end (ISO 8601 in
 * the report's zone) and one column per measure, headed by its label and unit in `locale`.
 * Lines end with CRLF; a bucket without a value has an empty field.
 */
export function reportCsv(
  measures: readonly ReportMeasure[],
  boundary: (instant: Date) => string,
  locale: Locale,
): string {
  const header = [
    BUCKET_COLUMNS.start[locale],
    BUCKET_COLUMNS.end[locale],
    ...measures.map((measure) => `${measure.label[locale]} (${UNITS[measure.unit][locale]})`),
  ];
  const rows: (string | number | null)[][] = [header];
  const buckets = measures[0]?.series ?? [];
  buckets.forEach((bucket, index) => {
    rows.push([
      boundary(bucket.start),
      boundary(bucket.end),
      ...measures.map((measure) => measure.series[index]?.value ?? null),
    ]);
  });
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
