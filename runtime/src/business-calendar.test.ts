import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_24X7,
  addBusinessTime,
  assertValidCalendar,
  businessTimeBetween,
  isBusinessTime,
  nextBusinessInstant,
  type BusinessCalendar,
  type Interval,
} from './business-calendar.ts';
import { HOUR, MINUTE } from './clock.ts';
import { isRuntimeError } from './runtime-error-codes.ts';

const officeHours: Interval[] = [{ start: '09:00', end: '18:00' }];

function weekdays(timeZone: string, hours: Interval[] = officeHours, holidays: string[] = []): BusinessCalendar {
  return {
    id: `weekdays-${timeZone}`,
    timeZone,
    week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
    holidays,
  };
}

const shanghai = weekdays('Asia/Shanghai');
const berlin = weekdays('Europe/Berlin');

/** A local wall-clock time in a zone, as a Date. */
function local(iso: string, zone: string): Date {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${iso}`);
  return dt.toJSDate();
}

/** Business time between two local wall-clock times in one zone. */
function businessTimeBetweenLocal(from: string, to: string, zone: string, calendar: BusinessCalendar): number {
  return businessTimeBetween(local(from, zone), local(to, zone), calendar);
}

function localIso(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

describe('addBusinessTime', () => {
  it('given Friday 17:00 on Mon–Fri 09:00–18:00, when 4 business hours are added, then it is Monday 12:00 in the same zone', () => {
    // 2026-01-09 is a Friday.
    const due = addBusinessTime(local('2026-01-09T17:00', 'Asia/Shanghai'), 4 * HOUR, shanghai);
    expect(localIso(due, 'Asia/Shanghai')).toBe('2026-01-12T12:00');
  });

  it('given a holiday on Monday, when the time runs over the weekend, then the holiday is skipped too', () => {
    const calendar = weekdays('Asia/Shanghai', officeHours, ['2026-01-12']);
    const due = addBusinessTime(local('2026-01-09T17:00', 'Asia/Shanghai'), 4 * HOUR, calendar);
    expect(localIso(due, 'Asia/Shanghai')).toBe('2026-01-13T12:00');
  });

  it('given a weekend with a clock change (Berlin, 29 March 2026), when 4 business hours are added on Friday 17:00, then it is Monday 12:00 local, one real hour less', () => {
    const start = local('2026-03-27T17:00', 'Europe/Berlin');
    const due = addBusinessTime(start, 4 * HOUR, berlin);
    expect(localIso(due, 'Europe/Berlin')).toBe('2026-03-30T12:00');
    expect(due.toISOString()).toBe('2026-03-30T10:00:00.000Z'); // CEST, UTC+2
    expect(start.toISOString()).toBe('2026-03-27T16:00:00.000Z'); // CET, UTC+1
    expect(due.getTime() - start.getTime()).toBe(66 * HOUR); // 67 wall hours minus the skipped hour
  });

  it('given a calendar working on Sunday around the clock, when clocks go forward that Sunday, then the day holds 23 business hours', () => {
    const sundays: BusinessCalendar = {
      id: 'sun',
      timeZone: 'Europe/Berlin',
      week: { sun: [{ start: '00:00', end: '24:00' }] },
      holidays: [],
    };
    const sunday = local('2026-03-29T00:00', 'Europe/Berlin');
    const monday = local('2026-03-30T00:00', 'Europe/Berlin');
    expect(businessTimeBetween(sunday, monday, sundays)).toBe(23 * HOUR);
    // Clocks go back on 25 October 2026: that Sunday holds 25 hours.
    expect(businessTimeBetweenLocal('2026-10-25T00:00', '2026-10-26T00:00', 'Europe/Berlin', sundays)).toBe(25 * HOUR);
    // 23 hours after Sunday midnight is the end of that Sunday, local 24:00.
    expect(addBusinessTime(sunday, 23 * HOUR, sundays).getTime()).toBe(monday.getTime());
  });

  it('given an interval that lies inside the hour skipped by the clock change, then it contributes nothing', () => {
    const calendar: BusinessCalendar = {
      id: 'gap',
      timeZone: 'Europe/Berlin',
      week: { sun: [{ start: '02:00', end: '03:00' }], mon: officeHours },
      holidays: [],
    };
    expect(businessTimeBetweenLocal('2026-03-29T00:00', '2026-03-30T00:00', 'Europe/Berlin', calendar)).toBe(0);
    expect(businessTimeBetweenLocal('2026-03-22T00:00', '2026-03-23T00:00', 'Europe/Berlin', calendar)).toBe(HOUR);
  });

  it('given zero business time, then the start is returned unchanged, even outside working hours', () => {
    const saturday = local('2026-01-10T03:17', 'Asia/Shanghai');
    expect(addBusinessTime(saturday, 0, shanghai).getTime()).toBe(saturday.getTime());
    const inside = local('2026-01-09T10:00', 'Asia/Shanghai');
    expect(addBusinessTime(inside, 0, shanghai).getTime()).toBe(inside.getTime());
  });

  it('given time that runs out exactly at the end of the working day, then the end of that day is returned, not the next morning', () => {
    const due = addBusinessTime(local('2026-01-09T14:00', 'Asia/Shanghai'), 4 * HOUR, shanghai);
    expect(localIso(due, 'Asia/Shanghai')).toBe('2026-01-09T18:00');
  });

  it('given a start exactly at the opening or closing time, then counting starts at the opening', () => {
    expect(
      localIso(addBusinessTime(local('2026-01-09T09:00', 'Asia/Shanghai'), 1 * HOUR, shanghai), 'Asia/Shanghai'),
    ).toBe('2026-01-09T10:00');
    expect(
      localIso(addBusinessTime(local('2026-01-09T18:00', 'Asia/Shanghai'), 1 * MINUTE, shanghai), 'Asia/Shanghai'),
    ).toBe('2026-01-12T09:01');
    expect(
      localIso(addBusinessTime(local('2026-01-10T11:00', 'Asia/Shanghai'), 1 * MINUTE, shanghai), 'Asia/Shanghai'),
    ).toBe('2026-01-12T09:01');
  });

  it('given a split day (09:00–12:00, 13:00–18:00), when time runs over lunch, then lunch does not count', () => {
    const calendar = weekdays('Asia/Shanghai', [
      { start: '13:00', end: '18:00' },
      { start: '09:00', end: '12:00' },
    ]);
    expect(
      localIso(addBusinessTime(local('2026-01-09T11:00', 'Asia/Shanghai'), 2 * HOUR, calendar), 'Asia/Shanghai'),
    ).toBe('2026-01-09T14:00');
    expect(businessTimeBetweenLocal('2026-01-09T00:00', '2026-01-10T00:00', 'Asia/Shanghai', calendar)).toBe(8 * HOUR);
  });

  it('given the 24x7 calendar, then business time is elapsed time', () => {
    const start = new Date('2026-03-28T22:30:00Z');
    expect(addBusinessTime(start, 50 * HOUR, CALENDAR_24X7).getTime()).toBe(start.getTime() + 50 * HOUR);
    expect(businessTimeBetween(start, new Date('2026-04-02T01:02:03.004Z'), CALENDAR_24X7)).toBe(
      new Date('2026-04-02T01:02:03.004Z').getTime() - start.getTime(),
    );
  });
});

describe('businessTimeBetween', () => {
  it('given Friday 17:00 to Monday 12:00 on Mon–Fri 09:00–18:00, then 4 business hours lie between', () => {
    expect(businessTimeBetweenLocal('2026-01-09T17:00', '2026-01-12T12:00', 'Asia/Shanghai', shanghai)).toBe(4 * HOUR);
  });

  it('given the instants in reverse order, then the result is negative', () => {
    expect(businessTimeBetweenLocal('2026-01-12T12:00', '2026-01-09T17:00', 'Asia/Shanghai', shanghai)).toBe(-4 * HOUR);
  });

  it('given two instants in the same weekend, then no business time lies between', () => {
    expect(businessTimeBetweenLocal('2026-01-10T08:00', '2026-01-11T20:00', 'Asia/Shanghai', shanghai)).toBe(0);
  });
});

describe('calendar helpers', () => {
  it('given a time inside or outside working hours, then isBusinessTime and nextBusinessInstant say so', () => {
    expect(isBusinessTime(local('2026-01-09T09:00', 'Asia/Shanghai'), shanghai)).toBe(true);
    expect(isBusinessTime(local('2026-01-09T18:00', 'Asia/Shanghai'), shanghai)).toBe(false);
    expect(localIso(nextBusinessInstant(local('2026-01-09T18:00', 'Asia/Shanghai'), shanghai), 'Asia/Shanghai')).toBe(
      '2026-01-12T09:00',
    );
    const inside = local('2026-01-09T10:30', 'Asia/Shanghai');
    expect(nextBusinessInstant(inside, shanghai).getTime()).toBe(inside.getTime());
  });

  it.each([
    ['an unknown time zone', { ...shanghai, timeZone: 'Mars/Olympus' }],
    ['a bad time', weekdays('UTC', [{ start: '9:00', end: '18:00' }])],
    ['an interval ending before it starts', weekdays('UTC', [{ start: '18:00', end: '09:00' }])],
    ['24:00 as a start', weekdays('UTC', [{ start: '24:00', end: '24:00' }])],
    ['a bad holiday', weekdays('UTC', officeHours, ['2026-02-30'])],
    ['no working time', { id: 'none', timeZone: 'UTC', week: {}, holidays: [] }],
  ])('given %s, then the calendar is refused with INVALID_CALENDAR', (_name, calendar) => {
    const error = (() => {
      try {
        assertValidCalendar(calendar);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isRuntimeError(error, 'INVALID_CALENDAR')).toBe(true);
  });

  it('given every day a holiday for years, when time is added, then it fails instead of looping forever', () => {
    const start = DateTime.fromISO('2026-01-01', { zone: 'UTC' });
    const holidays = Array.from({ length: 3 * 366 + 10 }, (_, i) => start.plus({ days: i }).toISODate() ?? '');
    const calendar = weekdays('UTC', officeHours, holidays);
    expect(() => addBusinessTime(start.toJSDate(), HOUR, calendar)).toThrow(/INVALID_CALENDAR/);
  });

  it('given a negative duration or an invalid date, then INVALID_ARGUMENT', () => {
    expect(() => addBusinessTime(new Date(), -1, shanghai)).toThrow(/INVALID_ARGUMENT/);
    expect(() => addBusinessTime(new Date(NaN), 1, shanghai)).toThrow(/INVALID_ARGUMENT/);
    expect(() => businessTimeBetween(new Date(), new Date('nope'), shanghai)).toThrow(/INVALID_ARGUMENT/);
  });
});

describe('addBusinessTime and businessTimeBetween are inverse (property)', () => {
  const calendars: BusinessCalendar[] = [
    shanghai,
    weekdays('Europe/Berlin', officeHours, ['2026-04-03', '2026-04-06', '2026-12-25']),
    weekdays('America/New_York', [
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]),
    {
      id: 'nights',
      timeZone: 'Europe/London',
      week: {
        sat: [{ start: '00:00', end: '24:00' }],
        sun: [
          { start: '00:00', end: '03:30' },
          { start: '22:00', end: '24:00' },
        ],
      },
      holidays: [],
    },
    CALENDAR_24X7,
  ];
  const instant = fc
    .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
    .map((ms) => new Date(ms));
  const calendar = fc.constantFrom(...calendars);

  it('given any start and duration, then the business time between the start and the result is the duration', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 300 * HOUR }), (cal, start, ms) => {
        const end = addBusinessTime(start, ms, cal);
        expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(businessTimeBetween(start, end, cal)).toBe(ms);
      }),
      { numRuns: 300 },
    );
  });

  it('given any two instants, then adding the business time between them reaches the later one or the last working moment before it', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 60 * 24 * HOUR }), (cal, a, gap) => {
        const b = new Date(a.getTime() + gap);
        const between = businessTimeBetween(a, b, cal);
        const reached = addBusinessTime(a, between, cal);
        expect(reached.getTime()).toBeLessThanOrEqual(b.getTime());
        expect(businessTimeBetween(reached, b, cal)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
