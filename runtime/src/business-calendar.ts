import { DateTime, IANAZone } from 'luxon';
import { RuntimeError } from './runtime-error-codes.ts';

/** Working hours within one day, local wall-clock time `HH:mm`; `end` may be `24:00`. */
export interface Interval {
  start: string;
  end: string;
}

/** The keys of {@link BusinessCalendar.week}. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * A business calendar: working hours per weekday in an IANA time zone, and holidays.
 * The definition format carries exactly this shape (plus display labels).
 *
 * Business time is real elapsed time inside working hours: an interval `00:00`–`24:00` on the
 * day clocks go forward lasts 23 hours. Intervals must not cross midnight; write `22:00`–`24:00`
 * on one day and `00:00`–`06:00` on the next instead. Overlapping intervals are merged.
 */
export interface BusinessCalendar {
  id: string;
  timeZone: string;
  week: {
    mon?: Interval[];
    tue?: Interval[];
    wed?: Interval[];
    thu?: Interval[];
    fri?: Interval[];
    sat?: Interval[];
    sun?: Interval[];
  };
  /** ISO dates `YYYY-MM-DD` in the calendar's zone on which nobody works. */
  holidays: string[];
}

const ALL_DAY: Interval[] = [{ start: '00:00', end: '24:00' }];

/** Around the clock, every day, no holidays: business time equals elapsed time. */
export const CALENDAR_24X7: BusinessCalendar = Object.freeze({
  id: '24x7',
  timeZone: 'UTC',
  week: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
  holidays: [],
});

/** Luxon numbers weekdays 1 (Monday) to 7 (Sunday). */
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const HH_MM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar with no working time in this many consecutive days is treated as having none. */
const MAX_IDLE_DAYS = 3 * 366;
const DAY_CACHE_LIMIT = 4096;

/** A calendar checked and prepared once: minutes of the day per weekday, holidays as a set. */
interface CompiledCalendar {
  zone: string;
  /** Index 0 = Monday; each entry sorted, merged `[startMinute, endMinute)` pairs. */
  minutes: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  holidays: ReadonlySet<string>;
  /** Working segments (epoch ms) per local day, keyed by the day's start in epoch ms. */
  days: Map<number, ReadonlyArray<readonly [number, number]>>;
  /** Local days by 15-minute slice of epoch time, and each day's successor: time-zone arithmetic is the costly part. */
  localDays: Map<number, LocalDay>;
  nextDays: Map<number, DateTime>;
}

/** A local day: its start as a DateTime and its bounds in epoch ms. */
interface LocalDay {
  day: DateTime;
  start: number;
  end: number;
}

/** Every time-zone offset in use is a multiple of 15 minutes, so a local midnight falls on a slice boundary. */
const SLICE_MS = 15 * 60 * 1000;

const compiledCache = new WeakMap<BusinessCalendar, CompiledCalendar>();

function invalid(calendar: BusinessCalendar, message: string, params: Record<string, unknown> = {}): RuntimeError {
  return new RuntimeError('INVALID_CALENDAR', `calendar ${JSON.stringify(calendar?.id)}: ${message}`, {
    calendarId: calendar?.id,
    ...params,
  });
}

function parseMinute(calendar: BusinessCalendar, value: unknown, where: string): number {
  const match = typeof value === 'string' ? HH_MM.exec(value) : null;
  if (!match) throw invalid(calendar, `${where} is not HH:mm: ${JSON.stringify(value)}`, { where });
  return match[3] ? 24 * 60 : Number(match[1]) * 60 + Number(match[2]);
}

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiledCache.get(calendar);
  if (cached) return cached;
  if (typeof calendar !== 'object' || calendar === null) {
    throw new RuntimeError('INVALID_CALENDAR', 'a business calendar must be an object');
  }
  if (typeof calendar.timeZone !== 'string' || !IANAZone.isValidZone(calendar.timeZone)) {
    throw invalid(calendar, `unknown time zone ${JSON.stringify(calendar.timeZone)}`);
  }
  const week = calendar.week ?? {};
  let anyWorkingTime = false;
  const minutes = WEEKDAYS.map((day) => {
    const intervals = week[day] ?? [];
    if (!Array.isArray(intervals)) throw invalid(calendar, `week.${day} must be an array`);
    const pairs = intervals.map((interval, i): [number, number] => {
      const start = parseMinute(calendar, interval?.start, `week.${day}[${i}].start`);
      const end = parseMinute(calendar, interval?.end, `week.${day}[${i}].end`);
      if (end <= start) throw invalid(calendar, `week.${day}[${i}] ends before it starts`, { day, index: i });
      return [start, end];
    });
    pairs.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const pair of pairs) {
      const last = merged[merged.length - 1];
      if (last && pair[0] <= last[1]) last[1] = Math.max(last[1], pair[1]);
      else merged.push([pair[0], pair[1]]);
    }
    if (merged.length > 0) anyWorkingTime = true;
    return merged;
  });
  if (!anyWorkingTime) throw invalid(calendar, 'no working time on any weekday');
  if (!Array.isArray(calendar.holidays)) throw invalid(calendar, 'holidays must be an array');
  for (const holiday of calendar.holidays) {
    if (typeof holiday !== 'string' || !ISO_DATE.test(holiday) || !DateTime.fromISO(holiday).isValid) {
      throw invalid(calendar, `holiday is not a YYYY-MM-DD date: ${JSON.stringify(holiday)}`);
    }
  }
  const compiled: CompiledCalendar = {
    zone: calendar.timeZone,
    minutes,
    holidays: new Set(calendar.holidays),
    days: new Map(),
    localDays: new Map(),
    nextDays: new Map(),
  };
  compiledCache.set(calendar, compiled);
  return compiled;
}

/**
 * Checks a calendar and throws a `RuntimeError` with code `INVALID_CALENDAR` naming the first
 * problem. Calendars are checked on first use anyway; call this to fail early.
 */
export function assertValidCalendar(calendar: BusinessCalendar): void {
  compile(calendar);
}

/** The working segments of one local day, as epoch-millisecond pairs, memoised per calendar. */
function segmentsOf(c: CompiledCalendar, day: DateTime): ReadonlyArray<readonly [number, number]> {
  const key = day.toMillis();
  const cached = c.days.get(key);
  if (cached) return cached;
  let segments: (readonly [number, number])[] = [];
  const pairs = c.minutes[day.weekday - 1] ?? [];
  if (pairs.length > 0 && !c.holidays.has(day.toISODate() ?? '')) {
    const nextDay = nextLocalDay(c, day).toMillis();
    const at = (minute: number): number =>
      minute >= 24 * 60 ? nextDay : day.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
    // Local times skipped by a clock change map forward, so a segment may shrink to nothing.
    segments = pairs.map(([start, end]) => [at(start), at(end)] as const).filter(([s, e]) => e > s);
  }
  if (c.days.size >= DAY_CACHE_LIMIT) c.days.clear();
  c.days.set(key, segments);
  return segments;
}

function startOfLocalDay(c: CompiledCalendar, epochMs: number): DateTime {
  const slice = Math.floor(epochMs / SLICE_MS);
  const known = c.localDays.get(slice);
  // The containment check keeps odd historical offsets (not multiples of 15 minutes) exact.
  if (known && known.start <= epochMs && epochMs < known.end) return known.day;
  const day = DateTime.fromMillis(epochMs, { zone: c.zone }).startOf('day');
  if (c.localDays.size >= DAY_CACHE_LIMIT) c.localDays.clear();
  c.localDays.set(slice, { day, start: day.toMillis(), end: nextLocalDay(c, day).toMillis() });
  return day;
}

/** The local day after `day` (memoised per calendar). */
function nextLocalDay(c: CompiledCalendar, day: DateTime): DateTime {
  const key = day.toMillis();
  const known = c.nextDays.get(key);
  if (known) return known;
  const next = day.plus({ days: 1 });
  if (c.nextDays.size >= DAY_CACHE_LIMIT) c.nextDays.clear();
  c.nextDays.set(key, next);
  return next;
}

function checkInstant(value: Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RuntimeError('INVALID_ARGUMENT', `${name} must be a valid Date`, { name });
  return ms;
}

/**
 * The instant at which `ms` of business time has passed after `start`.
 *
 * Adding zero returns `start` itself, even outside working hours. When the time runs out
 * exactly at the end of a working interval, the end of that interval is returned (Friday
 * 14:00 + 4 h on a 09:00–18:00 calendar is Friday 18:00, not Monday 09:00).
 */
export function addBusinessTime(start: Date, ms: number, calendar: BusinessCalendar): Date {
  const from = checkInstant(start, 'start');
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RuntimeError('INVALID_ARGUMENT', `business time to add must be a finite number >= 0, got ${ms}`);
  }
  if (ms === 0) return new Date(from);
  const c = compile(calendar);
  let remaining = ms;
  let day = startOfLocalDay(c, from);
  let idleDays = 0;
  while (idleDays < MAX_IDLE_DAYS) {
    let worked = false;
    for (const [s, e] of segmentsOf(c, day)) {
      if (e <= from) continue;
      const segmentStart = Math.max(s, from);
      const available = e - segmentStart;
      if (remaining <= available) return new Date(segmentStart + remaining);
      remaining -= available;
      worked = true;
    }
    idleDays = worked ? 0 : idleDays + 1;
    day = nextLocalDay(c, day);
  }
  throw invalid(calendar, `no working time in ${MAX_IDLE_DAYS} consecutive days`);
}

/**
 * Business time, in milliseconds, between two instants: the working time inside `[a, b)`.
 * Negative when `b` is before `a`.
 */
export function businessTimeBetween(a: Date, b: Date, calendar: BusinessCalendar): number {
  const from = checkInstant(a, 'a');
  const to = checkInstant(b, 'b');
  if (to < from) return -businessTimeBetween(b, a, calendar);
  const c = compile(calendar);
  let total = 0;
  for (let day = startOfLocalDay(c, from); day.toMillis() < to; day = nextLocalDay(c, day)) {
    for (const [s, e] of segmentsOf(c, day)) {
      const overlap = Math.min(e, to) - Math.max(s, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** True when `at` falls inside working hours (start inclusive, end exclusive). */
export function isBusinessTime(at: Date, calendar: BusinessCalendar): boolean {
  const ms = checkInstant(at, 'at');
  const c = compile(calendar);
  return segmentsOf(c, startOfLocalDay(c, ms)).some(([s, e]) => s <= ms && ms < e);
}

/** `at` itself when inside working hours, otherwise the start of the next working interval. */
export function nextBusinessInstant(at: Date, calendar: BusinessCalendar): Date {
  const from = checkInstant(at, 'at');
  const c = compile(calendar);
  let day = startOfLocalDay(c, from);
  for (let i = 0; i < MAX_IDLE_DAYS; i++, day = nextLocalDay(c, day)) {
    for (const [s, e] of segmentsOf(c, day)) {
      if (e > from) return new Date(Math.max(s, from));
    }
  }
  throw invalid(calendar, `no working time in ${MAX_IDLE_DAYS} consecutive days`);
}
