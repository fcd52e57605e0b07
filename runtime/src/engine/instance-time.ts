import { Duration } from 'luxon';
import type { Definition, EffectRecord } from '@clauseflow/definition';
import { CALENDAR_24X7, addBusinessTime, type BusinessCalendar } from '../business-calendar.ts';
import {
  slaBreachAt,
  slaPause,
  slaResume,
  slaStart,
  slaStop,
  slaWarningAt,
  type SlaClockRecord,
} from '../sla-clock.ts';

type ScheduleTimer = Extract<EffectRecord, { type: 'scheduleTimer' }>;

/** Milliseconds of an ISO 8601 duration without years or months (the format allows no others). */
export function durationMs(iso: string): number {
  const duration = Duration.fromISO(iso);
  if (!duration.isValid) throw new RangeError(`not an ISO 8601 duration: ${iso}`);
  return duration.toMillis();
}

/** The definition's calendar with that id; around the clock when none is named. */
export function calendarOf(definition: Definition, id: string | undefined): BusinessCalendar {
  if (!id || id === CALENDAR_24X7.id) return CALENDAR_24X7;
  // One object per definition and calendar: the business calendar caches its compiled form
  // and day segments by object identity, and building them is most of an SLA computation.
  let calendars = calendarsByDefinition.get(definition);
  if (!calendars) calendarsByDefinition.set(definition, (calendars = new Map<string, BusinessCalendar>()));
  const known = calendars.get(id);
  if (known) return known;
  const found = definition.calendars.find((c) => c.id === id);
  if (!found) throw new RangeError(`definition ${definition.key} has no calendar ${id}`);
  const calendar = { id: found.id, timeZone: found.timeZone, week: found.week, holidays: found.holidays };
  calendars.set(id, calendar);
  return calendar;
}

const calendarsByDefinition = new WeakMap<Definition, Map<string, BusinessCalendar>>();

/**
 * When a scheduled timer is due: its duration after `scheduledAt`, in business time on its
 * calendar or in calendar time, or the instant in its deadline field. Null when a deadline
 * field holds no valid instant (the timer then never fires).
 */
export function timerDueAt(effect: ScheduleTimer, scheduledAt: Date, definition: Definition): Date | null {
  if (effect.after) {
    const ms = durationMs(effect.after);
    return effect.time === 'business'
      ? addBusinessTime(scheduledAt, ms, calendarOf(definition, effect.calendar))
      : new Date(scheduledAt.getTime() + ms);
  }
  const deadline = typeof effect.deadline === 'string' ? Date.parse(effect.deadline) : NaN;
  return Number.isFinite(deadline) ? new Date(deadline) : null;
}

/** An SLA clock's next moments to act on: a warning and the breach, while it runs. */
export interface ClockMoments {
  warningAt: Date | null;
  breachAt: Date | null;
}

/**
 * Applies a step's clock effects (start, resume, pause, stop, retarget) to the instance's SLA
 * clock records, in order, at `at`. Returns new records; the input is not changed.
 */
export function applyClockEffects(
  clocks: Readonly<Record<string, SlaClockRecord>>,
  effects: readonly EffectRecord[],
  at: Date,
  definition: Definition,
): Record<string, SlaClockRecord> {
  const next: Record<string, SlaClockRecord> = { ...clocks };
  for (const effect of effects) {
    if (effect.type === 'startClock') {
      const current = next[effect.clock];
      if (effect.resumed && current?.status === 'paused') next[effect.clock] = slaResume(current, at);
      else if (effect.target) {
        // A clock whose target cannot be resolved from the record has nothing to measure against.
        const spec = definition.clocks.find((c) => c.id === effect.clock);
        const started = slaStart(
          {
            name: effect.clock,
            targetMs: durationMs(effect.target),
            warnAtFractions: [...(spec?.warnAt ?? effect.warnAt)].sort((a, b) => a - b),
            calendarId: calendarOf(definition, effect.calendar).id,
          },
          at,
        );
        // A restart (a reopened record) continues the generations, so its timers get new ids
        // and those of the earlier run stay recognisably stale.
        next[effect.clock] = current ? { ...started, generation: current.generation + 1 } : started;
      }
    } else if (effect.type === 'pauseClock' || effect.type === 'stopClock') {
      const current = next[effect.clock];
      if (!current || current.status !== 'running') {
        if (effect.type === 'stopClock' && current?.status === 'paused') {
          next[effect.clock] = slaStop(current, at, calendarOf(definition, current.calendarId));
        }
        continue;
      }
      const calendar = calendarOf(definition, current.calendarId);
      next[effect.clock] =
        effect.type === 'pauseClock' ? slaPause(current, at, calendar) : slaStop(current, at, calendar);
    } else if (effect.type === 'retargetClock') {
      const current = next[effect.clock];
      if (current && effect.target)
        next[effect.clock] = { ...current, targetMs: durationMs(effect.target), generation: current.generation + 1 };
    }
  }
  return next;
}

/** The warning and breach instants of a clock record (null unless running). */
export function clockMoments(record: SlaClockRecord, definition: Definition): ClockMoments {
  const calendar = calendarOf(definition, record.calendarId);
  return { warningAt: slaWarningAt(record, calendar), breachAt: slaBreachAt(record, calendar) };
}
