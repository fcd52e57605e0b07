import { Type, type Static } from 'typebox';
import { LOCALES } from '@clauseflow/application';
import { MAX_REPORT_BUCKETS, REPORT_INTERVALS } from '@clauseflow/application';
import { MEASURE_IDS } from '@clauseflow/application';
import { FLAT_TREND_SHARE } from '@clauseflow/application';

const LocalDate = (description: string) =>
  Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10, description });

/** The query string of a service report. */
export const ServiceReportQuery = Type.Object(
  {
    from: Type.Optional(
      LocalDate(
        'First day of the period (YYYY-MM-DD in `tz`, included; widened back to the start of its interval). Default: 11 intervals before `to`.',
      ),
    ),
    to: Type.Optional(
      LocalDate(
        'Last day of the period (YYYY-MM-DD in `tz`, included; widened to the end of its interval). Default: today.',
      ),
    ),
    interval: Type.Optional(
      Type.Enum(REPORT_INTERVALS, {
        description: `Bucket size: local days, ISO weeks (Monday first) or calendar months (default week; at most ${MAX_REPORT_BUCKETS} buckets).`,
      }),
    ),
    tz: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        pattern: '^[A-Za-z][A-Za-z0-9_+/-]*$',
        description: 'IANA time zone the buckets are cut in (default UTC).',
      }),
    ),
    locale: Type.Optional(
      Type.Enum(LOCALES, { description: 'Language of the CSV header (default: the caller’s language).' }),
    ),
    format: Type.Optional(
      Type.Enum(['json', 'csv'] as const, {
        description: 'json (default) or csv: one row per bucket, one column per measure.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ServiceReportQuery = Static<typeof ServiceReportQuery>;

const Text = Type.Object({ en: Type.String(), zh: Type.String() }, { additionalProperties: false });
const Instant = Type.String({ format: 'date-time' });

/** A service report as the API shows it. */
export const ServiceReportSchema = Type.Object(
  {
    process: Type.Object({ key: Type.String(), title: Text }, { additionalProperties: false }),
    period: Type.Object(
      {
        from: Type.String({ description: 'First local date asked for.' }),
        to: Type.String({ description: 'Last local date asked for.' }),
        start: Instant,
        end: Type.String({ format: 'date-time', description: 'Exclusive.' }),
      },
      { additionalProperties: false },
    ),
    interval: Type.Enum(REPORT_INTERVALS),
    timeZone: Type.String(),
    generatedAt: Instant,
    measures: Type.Array(
      Type.Object(
        {
          id: Type.Enum(MEASURE_IDS),
          label: Text,
          description: Text,
          unit: Type.Enum(['count', 'percent', 'hours'] as const),
          series: Type.Array(
            Type.Object(
              {
                start: Instant,
                end: Instant,
                value: Type.Union([Type.Number(), Type.Null()], {
                  description: 'Null when the bucket has nothing to measure (no record closed, for shares and times).',
                }),
              },
              { additionalProperties: false },
            ),
          ),
          trend: Type.Object(
            {
              slope: Type.Number({ description: 'Change per interval of the least-squares line.' }),
              direction: Type.Enum(['rising', 'falling', 'flat'] as const, {
                description: `Flat when the line changes by at most ${FLAT_TREND_SHARE * 100} % of the mean value over the period.`,
              }),
              better: Type.Union([Type.Boolean(), Type.Null()], {
                description: 'Whether the direction is the good one for this measure; null when flat or neutral.',
              }),
            },
            { additionalProperties: false },
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'ServiceReport' },
);
export type ServiceReportView = Static<typeof ServiceReportSchema>;
