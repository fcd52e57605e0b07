import { DateTime, Duration } from 'luxon';
import { Type, type Static } from 'typebox';
import { fieldIssue, DomainError, type FieldIssue } from '@clauseflow/common';

/** From which moment of a record its retention period runs. */
export const RETENTION_FROM = ['closed', 'created'] as const;

/** From which moment of a record its retention period runs. */
export type RetentionFrom = (typeof RETENTION_FROM)[number];

/**
 * A process's retention policy: the records of the process (one record type per process) are
 * kept for `period` (an ISO 8601 duration such as `P7Y` or `P18M`) counted from `from`; then
 * they may be disposed of, by an authorized person, never automatically.
 */
export interface RetentionPolicy {
  period: string;
  from: RetentionFrom;
  /** Who set the policy, and when (the policy is itself evidence of control). */
  setBy: string;
  setAt: Date;
}

/** The body of `PUT /api/processes/:key/retention`. */
export const RetentionPolicyBody = Type.Object(
  {
    period: Type.String({
      minLength: 2,
      maxLength: 40,
      description: 'ISO 8601 duration, e.g. `P7Y`, `P18M`, `P90D`.',
    }),
    from: Type.Enum(RETENTION_FROM, {
      description: '`closed`: from the record reaching a final state; `created`: from its creation.',
    }),
  },
  { additionalProperties: false },
);
export type RetentionPolicyInput = Static<typeof RetentionPolicyBody>;

/** The longest retention a policy may state (beyond it, `plus` leaves the representable dates). */
const MAX_YEARS = 200;

/**
 * Checks a policy as sent: the period must be a positive ISO 8601 duration of at most 200
 * years. Throws VALIDATION_FAILED with JSON Pointers into the body otherwise.
 */
export function parseRetentionPolicy(input: RetentionPolicyInput): { period: string; from: RetentionFrom } {
  const errors: FieldIssue[] = [];
  const duration = Duration.fromISO(input.period);
  if (!duration.isValid) {
    errors.push(
      fieldIssue('INVALID_VALUE', '/period', `${input.period} is not an ISO 8601 duration (e.g. P7Y, P18M).`, 'body'),
    );
  } else {
    const base = DateTime.fromMillis(0, { zone: 'utc' });
    const end = base.plus(duration);
    if (!end.isValid || end.toMillis() <= base.toMillis()) {
      errors.push(fieldIssue('INVALID_VALUE', '/period', 'The retention period must be longer than zero.', 'body'));
    } else if (end > base.plus({ years: MAX_YEARS })) {
      errors.push(fieldIssue('INVALID_VALUE', '/period', `At most ${MAX_YEARS} years.`, 'body'));
    }
  }
  if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors[0]!.message, { errors });
  return { period: input.period, from: input.from };
}

/** The moment a record's retention runs from, or null when it has not come (an open record kept from closure). */
export function retentionStart(
  policy: Pick<RetentionPolicy, 'from'>,
  record: { createdAt: Date; closedAt: Date | null },
): Date | null {
  return policy.from === 'created' ? record.createdAt : record.closedAt;
}

/** The end of the retention period that started at `start` (calendar arithmetic in UTC). */
export function retainUntil(policy: Pick<RetentionPolicy, 'period'>, start: Date): Date {
  return DateTime.fromJSDate(start, { zone: 'utc' }).plus(Duration.fromISO(policy.period)).toJSDate();
}

/**
 * The latest start whose retention has elapsed at `now`: a query bound for candidates (each one
 * is then checked with {@link retainUntil}, since calendar months do not subtract exactly).
 */
export function latestElapsedStart(policy: Pick<RetentionPolicy, 'period'>, now: Date): Date {
  return DateTime.fromJSDate(now, { zone: 'utc' }).minus(Duration.fromISO(policy.period)).toJSDate();
}

/** TypeBox schema of a retention policy as the API shows it. */
export const RetentionPolicySchema = Type.Object(
  {
    period: Type.String({ description: 'ISO 8601 duration.' }),
    from: Type.Enum(RETENTION_FROM),
    setBy: Type.String({ description: 'User id of who set the policy.' }),
    setAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'RetentionPolicy' },
);

/** A policy as the API shows it. */
export function retentionPolicyView(policy: RetentionPolicy): Static<typeof RetentionPolicySchema> {
  return { period: policy.period, from: policy.from, setBy: policy.setBy, setAt: policy.setAt.toISOString() };
}
