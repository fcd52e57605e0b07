import type { LocalizedText } from '@clauseflow/common';

/**
 * Why a report request was refused. Each is sent as the `issue` of an `INVALID_VALUE` entry of a
 * `VALIDATION_FAILED` problem, with a JSON Pointer into the query string (`/from`, `/to`, `/tz`).
 */
export const REPORT_ISSUES = {
  REPORT_DATE_INVALID: {
    en: 'The date does not exist in the calendar (use YYYY-MM-DD).',
    zh: '该日期在日历中不存在（请使用 YYYY-MM-DD 格式）。',
  },
  REPORT_PERIOD_REVERSED: {
    en: 'The period ends before it starts: `to` must not be earlier than `from`.',
    zh: '报告期结束早于开始：`to` 不得早于 `from`。',
  },
  REPORT_PERIOD_TOO_LONG: {
    en: 'The period holds more intervals than one report may show; choose a shorter period or a longer interval.',
    zh: '报告期包含的区间数超过单份报告的上限；请缩短报告期或选择更长的区间。',
  },
  REPORT_TIME_ZONE_UNKNOWN: {
    en: 'Not a known IANA time zone (for example Europe/Berlin or Asia/Shanghai).',
    zh: '不是已知的 IANA 时区（例如 Europe/Berlin 或 Asia/Shanghai）。',
  },
} as const satisfies Record<string, LocalizedText>;

/** A report issue code. */
export type ReportIssue = keyof typeof REPORT_ISSUES;
