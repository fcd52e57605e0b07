import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CALENDAR_24X7, type BusinessCalendar, type Interval } from './business-calendar.ts';
import { HOUR, MINUTE, TestClock } from './clock.ts';
import { isRuntimeError } from './runtime-error-codes.ts';
import {
  slaBreachAt,
  slaElapsed,
  slaIsBreached,
  slaPause,
  slaRemaining,
  slaResume,
  slaStart,
  slaStop,
  slaView,
  slaWarningAt,
  slaWarningTimes,
  type SlaClockRecord,
} from './sla-clock.ts';

const ZONE = 'Asia/Shanghai';
const hours: Interval[] = [{ start: '09:00', end: '18:00' }];
const office: BusinessCalendar = {
  id: 'office',
  timeZone: ZONE,
  week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
  holidays: [],
};

const at = (iso: string): Date => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const localIso = (d: Date | null): string | null =>
  d ? DateTime.fromJSDate(d, { zone: ZONE }).toFormat("ccc yyyy-MM-dd'T'HH:mm") : null;

/** 2026-01-09 is a Friday. */
const FRIDAY_17 = at('2026-01-09T17:00');

function incidentClock(start = FRIDAY_17): SlaClockRecord {
  return slaStart({ name: 'resolution', targetMs: 4 * HOUR, warnAtFractions: [0.75], calendarId: 'office' }, start);
}

describe('SLA clock on a Mon–Fri 09:00–18:00 calendar', () => {
  it('given an incident created Friday 17:00 with a 4 business-hour target, then it breaches Monday 12:00, not Friday 21:00', () => {
    const clock = incidentClock();
    expect(localIso(slaBreachAt(clock, office))).toBe('Mon 2026-01-12T12:00');
    expect(localIso(slaBreachAt(clock, office))).not.toBe('Fri 2026-01-09T21:00');
    // On a 24x7 calendar the same target would breach Friday 21:00.
    const elapsedTime = slaStart({ name: 'resolution', targetMs: 4 * HOUR }, FRIDAY_17);
    expect(localIso(slaBreachAt(elapsedTime, CALENDAR_24X7))).toBe('Fri 2026-01-09T21:00');
  });

  it('given the same clock, then its warning at 75 % is due Monday 11:00', () => {
    const clock = incidentClock();
    expect(localIso(slaWarningAt(clock, office))).toBe('Mon 2026-01-12T11:00');
  });

  it('given time moving on a test clock, then elapsed and remaining follow business time only', () => {
    const time = new TestClock(FRIDAY_17);
    const clock = incidentClock(time.now());
    time.advance(30 * MINUTE);
    expect(slaElapsed(clock, time.now(), office)).toBe(30 * MINUTE);
    time.set(at('2026-01-11T23:00')); // Sunday night: the weekend does not count
    expect(slaElapsed(clock, time.now(), office)).toBe(1 * HOUR);
    expect(slaRemaining(clock, time.now(), office)).toBe(3 * HOUR);
    time.set(at('2026-01-12T12:00'));
    expect(slaIsBreached(clock, time.now(), office)).toBe(true);
    time.set(at('2026-01-12T13:30'));
    expect(slaRemaining(clock, time.now(), office)).toBe(-90 * MINUTE);
  });

  it('given a pause in "waiting for customer" within working hours, then the breach moves later by exactly the paused business time', () => {
    const before = slaBreachAt(incidentClock(), office);
    const paused = slaPause(incidentClock(), at('2026-01-12T10:00'), office);
    expect(paused.status).toBe('paused');
    expect(paused.elapsedBusinessMs).toBe(2 * HOUR);
    expect(slaBreachAt(paused, office)).toBeNull(); // a paused clock does not breach
    expect(slaElapsed(paused, at('2026-01-12T14:00'), office)).toBe(2 * HOUR); // and does not run
    const resumed = slaResume(paused, at('2026-01-12T15:00'));
    const after = slaBreachAt(resumed, office);
    expect(localIso(after)).toBe('Mon 2026-01-12T17:00');
    expect(after!.getTime() - before!.getTime()).toBe(5 * HOUR);
  });

  it('given a pause over the weekend, then the breach moves by the paused business time, not the paused wall time', () => {
    const paused = slaPause(incidentClock(), at('2026-01-09T17:30'), office);
    const resumed = slaResume(paused, at('2026-01-12T09:30')); // 64 wall hours, 1 business hour
    expect(localIso(slaBreachAt(resumed, office))).toBe('Mon 2026-01-12T13:00');
  });

  it('given a clock paused after its breach, then the breach keeps its date and the clock stays breached', () => {
    const paused = slaPause(incidentClock(), at('2026-01-12T14:00'), office);
    expect(localIso(slaBreachAt(paused, office))).toBe('Mon 2026-01-12T12:00');
    const resumed = slaResume(paused, at('2026-01-13T09:00'));
    expect(localIso(slaBreachAt(resumed, office))).toBe('Mon 2026-01-12T12:00');
    expect(slaWarningTimes(resumed, office)).toEqual([null]); // passed in an earlier segment
    expect(slaRemaining(resumed, at('2026-01-13T10:00'), office)).toBe(-3 * HOUR);
  });

  it('given a stopped clock, then it no longer counts and cannot resume', () => {
    const stopped = slaStop(incidentClock(), at('2026-01-12T10:00'), office);
    expect(stopped.status).toBe('stopped');
    expect(slaElapsed(stopped, at('2026-01-20T10:00'), office)).toBe(2 * HOUR);
    expect(slaBreachAt(stopped, office)).toBeNull();
    expect(slaStop(stopped, at('2026-01-13T10:00'), office)).toBe(stopped);
    expect(() => slaResume(stopped, at('2026-01-13T10:00'))).toThrow(/INVALID_CLOCK_TRANSITION/);
  });

  it('given repeated pause or resume, then nothing changes; and a change dated before the last one is refused', () => {
    const paused = slaPause(incidentClock(), at('2026-01-12T10:00'), office);
    expect(slaPause(paused, at('2026-01-12T11:00'), office)).toBe(paused);
    const running = incidentClock();
    expect(slaResume(running, at('2026-01-12T11:00'))).toBe(running);
    const error = (() => {
      try {
        slaResume(paused, at('2026-01-12T09:59'));
      } catch (e) {
        return e;
      }
    })();
    expect(isRuntimeError(error, 'INVALID_CLOCK_TRANSITION')).toBe(true);
  });

  it('given each change, then the generation grows so timers of an earlier segment are recognisably stale', () => {
    const started = incidentClock();
    const paused = slaPause(started, at('2026-01-12T10:00'), office);
    const resumed = slaResume(paused, at('2026-01-12T11:00'));
    const stopped = slaStop(resumed, at('2026-01-12T12:00'), office);
    expect([started, paused, resumed, stopped].map((c) => c.generation)).toEqual([1, 2, 3, 4]);
  });

  it('given a record passed through JSON, then every answer is the same (it is serialisable)', () => {
    const record = slaResume(slaPause(incidentClock(), at('2026-01-12T10:00'), office), at('2026-01-12T15:00'));
    const copy = JSON.parse(JSON.stringify(record)) as SlaClockRecord;
    expect(copy).toEqual(record);
    const now = at('2026-01-12T16:00');
    expect(slaView(copy, now, office)).toEqual(slaView(record, now, office));
    expect(slaView(copy, now, office)).toMatchObject({
      elapsedMs: 3 * HOUR,
      remainingMs: HOUR,
      breached: false,
      status: 'running',
    });
  });

  it('given the wrong calendar or a bad target, then INVALID_ARGUMENT', () => {
    expect(() => slaBreachAt(incidentClock(), CALENDAR_24X7)).toThrow(/INVALID_ARGUMENT/);
    expect(() => slaStart({ name: 'x', targetMs: 0 }, FRIDAY_17)).toThrow(/INVALID_ARGUMENT/);
    expect(() => slaStart({ name: 'x', targetMs: HOUR, warnAtFractions: [1.5] }, FRIDAY_17)).toThrow(
      /INVALID_ARGUMENT/,
    );
  });
});
