import { CALENDAR_24X7, addBusinessTime, businessTimeBetween, type BusinessCalendar } from './business-calendar.ts';
import { RuntimeError } from './runtime-error-codes.ts';

/**
 * Pure SLA clock arithmetic over a serialisable record (plain JSON: instants are ISO strings),
 * so a clock can live in an event body and on the instance projection. Every function returns
 * a new record; nothing reads the system time.
 */

/** Whether the clock is counting. */
export type SlaClockStatus = 'running' | 'paused' | 'stopped';

/** One SLA clock of one instance. */
export interface SlaClockRecord {
  /** The clock's id in the definition, e.g. `resolution`. */
  name: string;
  /** The business calendar it counts on (`24x7` for elapsed time). */
  calendarId: string;
  status: SlaClockStatus;
  /** Business time allowed before the clock breaches. */
  targetMs: number;
  /** Fractions of the target at which a warning is due, ascending, each in (0, 1). */
  warnAtFractions: number[];
  /** When the clock was first started (ISO 8601). */
  startedAt: string;
  /**
   * Business time counted up to `lastResumedAt` while running; the total so far while paused
   * or stopped.
   */
  elapsedBusinessMs: number;
  /** Start of the current running segment; null unless running. */
  lastResumedAt: string | null;
  /** When the clock was last paused; null unless paused. */
  pausedAt: string | null;
  /** When the clock stopped; null unless stopped. */
  stoppedAt: string | null;
  /** When the clock breached, once a pause or stop has closed the segment it breached in. */
  breachedAt: string | null;
  /** When the record last changed (ISO 8601): later changes may not be dated before it. */
  changedAt: string;
  /**
   * Counts start, pause, resume and stop. Timer ids derived from it (for example
   * `${instanceId}:sla:${name}:breach:${generation}`) are new after each change, so a timer
   * scheduled for an earlier running segment is recognisably stale when it fires.
   */
  generation: number;
}

/** What starting a clock needs; the target usually comes from the definition by priority. */
export interface SlaClockSpec {
  name: string;
  targetMs: number;
  warnAtFractions?: readonly number[];
  /** Defaults to the 24x7 calendar. */
  calendarId?: string;
}

/** What a queue or a form shows of a clock at a moment. */
export interface SlaClockView {
  name: string;
  status: SlaClockStatus;
  targetMs: number;
  elapsedMs: number;
  /** Negative once breached: business time overdue. */
  remainingMs: number;
  breached: boolean;
  /** When it breaches (or breached); null when paused or stopped before breaching. */
  breachAt: Date | null;
  /** The earliest warning of the running segment, if any (see {@link slaWarningAt}). */
  warningAt: Date | null;
}

function instant(value: Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RuntimeError('INVALID_ARGUMENT', `${name} must be a valid Date`, { name });
  return ms;
}

function checkCalendar(record: SlaClockRecord, calendar: BusinessCalendar): void {
  if (calendar.id !== record.calendarId) {
    throw new RuntimeError(
      'INVALID_ARGUMENT',
      `clock ${record.name} counts on calendar ${record.calendarId}, not ${calendar.id}`,
      { clock: record.name, expected: record.calendarId, given: calendar.id },
    );
  }
}

function checkNotBefore(record: SlaClockRecord, at: number, action: string): void {
  if (at < Date.parse(record.changedAt)) {
    throw new RuntimeError(
      'INVALID_CLOCK_TRANSITION',
      `cannot ${action} clock ${record.name} at ${new Date(at).toISOString()}, before its last change at ${record.changedAt}`,
      { clock: record.name, action, changedAt: record.changedAt },
    );
  }
}

function refuse(record: SlaClockRecord, action: string): never {
  throw new RuntimeError('INVALID_CLOCK_TRANSITION', `cannot ${action} clock ${record.name} while ${record.status}`, {
    clock: record.name,
    action,
    status: record.status,
  });
}

/** Starts a clock at `at`. */
export function slaStart(spec: SlaClockSpec, at: Date): SlaClockRecord {
  const ms = instant(at, 'at');
  if (typeof spec.name !== 'string' || spec.name === '') {
    throw new RuntimeError('INVALID_ARGUMENT', 'an SLA clock needs a name');
  }
  if (!Number.isFinite(spec.targetMs) || spec.targetMs <= 0) {
    throw new RuntimeError('INVALID_ARGUMENT', `clock ${spec.name}: target must be > 0 ms, got ${spec.targetMs}`);
  }
  const fractions = [...(spec.warnAtFractions ?? [])].sort((a, b) => a - b);
  if (fractions.some((f) => !(f > 0 && f < 1))) {
    throw new RuntimeError(
      'INVALID_ARGUMENT',
      `clock ${spec.name}: warning fractions must lie strictly between 0 and 1`,
    );
  }
  const iso = new Date(ms).toISOString();
  return {
    name: spec.name,
    calendarId: spec.calendarId ?? CALENDAR_24X7.id,
    status: 'running',
    targetMs: spec.targetMs,
    warnAtFractions: fractions,
    startedAt: iso,
    elapsedBusinessMs: 0,
    lastResumedAt: iso,
    pausedAt: null,
    stoppedAt: null,
    breachedAt: null,
    changedAt: iso,
    generation: 1,
  };
}

/** Closes the running segment at `at`: elapsed time grows, and a breach inside it is dated. */
function closeSegment(
  record: SlaClockRecord,
  at: number,
  calendar: BusinessCalendar,
): Pick<SlaClockRecord, 'elapsedBusinessMs' | 'breachedAt'> {
  const resumed = new Date(record.lastResumedAt ?? record.changedAt);
  const elapsed = record.elapsedBusinessMs + businessTimeBetween(resumed, new Date(at), calendar);
  let breachedAt = record.breachedAt;
  if (breachedAt === null && elapsed >= record.targetMs) {
    breachedAt = addBusinessTime(resumed, record.targetMs - record.elapsedBusinessMs, calendar).toISOString();
  }
  return { elapsedBusinessMs: elapsed, breachedAt };
}

/**
 * Moves the clock to `status` at `at`: no change when it is there already, refused from a status
 * not in `from`, and never before its last change. `change` sets the fields the move changes.
 */
function move(
  record: SlaClockRecord,
  at: Date,
  action: 'pause' | 'resume' | 'stop',
  status: SlaClockStatus,
  from: readonly SlaClockStatus[],
  change: (ms: number, iso: string) => Partial<SlaClockRecord>,
): SlaClockRecord {
  const ms = instant(at, 'at');
  if (record.status === status) return record;
  if (!from.includes(record.status)) refuse(record, action);
  checkNotBefore(record, ms, action);
  const iso = new Date(ms).toISOString();
  return { ...record, ...change(ms, iso), status, changedAt: iso, generation: record.generation + 1 };
}

/** Pauses a running clock at `at` (for example on entering "waiting for customer"). Pausing a paused clock changes nothing. */
export function slaPause(record: SlaClockRecord, at: Date, calendar: BusinessCalendar): SlaClockRecord {
  checkCalendar(record, calendar);
  return move(record, at, 'pause', 'paused', ['running'], (ms, iso) => ({
    ...closeSegment(record, ms, calendar),
    lastResumedAt: null,
    pausedAt: iso,
  }));
}

/** Resumes a paused clock at `at`. Resuming a running clock changes nothing; a stopped clock cannot resume. */
export function slaResume(record: SlaClockRecord, at: Date): SlaClockRecord {
  return move(record, at, 'resume', 'running', ['paused'], (_, iso) => ({ lastResumedAt: iso, pausedAt: null }));
}

/** Stops a running or paused clock for good at `at`. Stopping a stopped clock changes nothing. */
export function slaStop(record: SlaClockRecord, at: Date, calendar: BusinessCalendar): SlaClockRecord {
  checkCalendar(record, calendar);
  return move(record, at, 'stop', 'stopped', ['running', 'paused'], (ms, iso) => ({
    ...(record.status === 'running' ? closeSegment(record, ms, calendar) : {}),
    lastResumedAt: null,
    pausedAt: null,
    stoppedAt: iso,
  }));
}

/** Business time counted by the clock at `now`. */
export function slaElapsed(record: SlaClockRecord, now: Date, calendar: BusinessCalendar): number {
  checkCalendar(record, calendar);
  const ms = instant(now, 'now');
  if (record.status !== 'running' || record.lastResumedAt === null) return record.elapsedBusinessMs;
  const resumed = Date.parse(record.lastResumedAt);
  if (ms <= resumed) return record.elapsedBusinessMs;
  return record.elapsedBusinessMs + businessTimeBetween(new Date(resumed), new Date(ms), calendar);
}

/** Business time left at `now`; negative once breached. */
export function slaRemaining(record: SlaClockRecord, now: Date, calendar: BusinessCalendar): number {
  return record.targetMs - slaElapsed(record, now, calendar);
}

/** True when the clock has counted its whole target by `now`. */
export function slaIsBreached(record: SlaClockRecord, now: Date, calendar: BusinessCalendar): boolean {
  return slaRemaining(record, now, calendar) <= 0;
}

/** The instant elapsed business time reaches `thresholdMs` in the running segment, or null if it cannot. */
function reachesAt(record: SlaClockRecord, thresholdMs: number, calendar: BusinessCalendar): Date | null {
  if (record.status !== 'running' || record.lastResumedAt === null) return null;
  if (thresholdMs <= record.elapsedBusinessMs) return null;
  return addBusinessTime(new Date(record.lastResumedAt), thresholdMs - record.elapsedBusinessMs, calendar);
}

/**
 * When the clock breaches if it keeps running: for a running clock the future (or past) instant
 * its target is reached; for any clock whose breach is already dated, that date; otherwise null.
 */
export function slaBreachAt(record: SlaClockRecord, calendar: BusinessCalendar): Date | null {
  checkCalendar(record, calendar);
  if (record.breachedAt !== null) return new Date(record.breachedAt);
  return reachesAt(record, record.targetMs, calendar);
}

/**
 * When each warning threshold is reached in the running segment, aligned with
 * `warnAtFractions`; null for thresholds passed in an earlier segment or when not running.
 */
export function slaWarningTimes(record: SlaClockRecord, calendar: BusinessCalendar): (Date | null)[] {
  checkCalendar(record, calendar);
  return record.warnAtFractions.map((fraction) => reachesAt(record, Math.round(record.targetMs * fraction), calendar));
}

/**
 * The earliest warning of the running segment (it may already lie before now, in which case a
 * timer scheduled for it fires at once), or null.
 */
export function slaWarningAt(record: SlaClockRecord, calendar: BusinessCalendar): Date | null {
  return slaWarningTimes(record, calendar).find((date) => date !== null) ?? null;
}

/**
 * Breach and warning instants (epoch ms) by calendar and record. They depend on nothing else and
 * change only when the clock does, while every projection write shows them: business-calendar
 * arithmetic was most of a send's time.
 */
const momentsByCalendar = new WeakMap<BusinessCalendar, Map<string, [number | null, number | null]>>();
const MOMENTS_PER_CALENDAR = 10_000;

function moments(record: SlaClockRecord, calendar: BusinessCalendar): [number | null, number | null] {
  let byRecord = momentsByCalendar.get(calendar);
  if (!byRecord) momentsByCalendar.set(calendar, (byRecord = new Map<string, [number | null, number | null]>()));
  const key = JSON.stringify(record);
  let known = byRecord.get(key);
  if (!known) {
    known = [slaBreachAt(record, calendar)?.getTime() ?? null, slaWarningAt(record, calendar)?.getTime() ?? null];
    if (byRecord.size >= MOMENTS_PER_CALENDAR) byRecord.clear();
    byRecord.set(key, known);
  }
  return known;
}

/** Everything a queue shows of a clock at `now`. */
export function slaView(record: SlaClockRecord, now: Date, calendar: BusinessCalendar): SlaClockView {
  const elapsedMs = slaElapsed(record, now, calendar);
  const [breachAt, warningAt] = moments(record, calendar);
  return {
    name: record.name,
    status: record.status,
    targetMs: record.targetMs,
    elapsedMs,
    remainingMs: record.targetMs - elapsedMs,
    breached: elapsedMs >= record.targetMs,
    breachAt: breachAt === null ? null : new Date(breachAt),
    warningAt: warningAt === null ? null : new Date(warningAt),
  };
}
