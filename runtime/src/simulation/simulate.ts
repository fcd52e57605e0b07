import {
  availableEvents,
  initialState,
  step,
  type Actor,
  type CompiledProcess,
  type EffectRecord,
  type InstanceState,
  type StepRejection,
  type TraceEntry,
} from '@clauseflow/definition';
import { calendarOf, applyClockEffects, clockMoments, durationMs, timerDueAt } from '../engine/instance-time.ts';
import { slaView, type SlaClockRecord, type SlaClockView } from '../sla-clock.ts';

/** One scripted input: optionally move time, then send an event (or only let time pass). */
export interface SimulationInput {
  /** Move the clock forward by an ISO 8601 duration first (timers and SLA clocks fall due on the way). */
  advance?: string;
  /** Or move it to this instant (ISO 8601). */
  until?: string;
  event?: string;
  actor?: Actor;
  data?: Record<string, unknown>;
  vote?: 'approve' | 'reject';
  comment?: string;
}

export interface SimulationScript {
  /** When the record is started (ISO 8601). */
  startAt: string;
  requester?: Actor;
  /** The requester's start data. */
  data: Record<string, unknown>;
  events: SimulationInput[];
}

/** What happened at one moment of the simulation. */
export interface SimulationFrame {
  at: string;
  cause: 'start' | 'event' | 'timer' | 'clock-warning' | 'clock-breach';
  event?: string;
  ok: boolean;
  rejection?: StepRejection;
  state: string;
  status: InstanceState['status'];
  data: Record<string, unknown>;
  effects: EffectRecord[];
  trace: TraceEntry[];
  clocks: Record<string, SlaClockView>;
  /** The events the next actor could send (for a readable script). */
  available: string[];
}

interface PendingTimer {
  key: string;
  event: string;
  dueAt: number;
}

/**
 * Steps a compiled definition through a script on the pure core, with simulated time: timers
 * fire when time passes their due instant (in business time on their calendar), SLA clocks run,
 * pause and stop as the states say, and warnings and breaches are reported when they fall due.
 */
export async function simulate(compiled: CompiledProcess, script: SimulationScript): Promise<SimulationFrame[]> {
  const definition = compiled.definition;
  let now = Date.parse(script.startAt);
  if (!Number.isFinite(now)) throw new RangeError(`startAt is not an instant: ${script.startAt}`);
  let timers: PendingTimer[] = [];
  let clocks: Record<string, SlaClockRecord> = {};
  const reported = new Set<string>();
  const frames: SimulationFrame[] = [];

  const first = await initialState(compiled, script.data, {
    ...(script.requester ? { actor: script.requester } : {}),
    at: new Date(now).toISOString(),
  });
  let state: InstanceState = first.state;

  const record = (
    cause: SimulationFrame['cause'],
    result: {
      ok: boolean;
      state: InstanceState;
      effects: EffectRecord[];
      trace: TraceEntry[];
      rejection?: StepRejection;
    },
    event?: string,
  ) => {
    const at = new Date(now);
    if (result.ok) {
      for (const effect of result.effects) {
        if (effect.type === 'scheduleTimer') {
          const due = timerDueAt(effect, at, definition);
          if (due) timers.push({ key: effect.key, event: effect.event, dueAt: due.getTime() });
        } else if (effect.type === 'cancelTimer') timers = timers.filter((t) => t.key !== effect.key);
      }
      clocks = applyClockEffects(clocks, result.effects, at, definition);
      state = result.state;
    }
    frames.push({
      at: at.toISOString(),
      cause,
      ...(event ? { event } : {}),
      ok: result.ok,
      ...(result.rejection ? { rejection: result.rejection } : {}),
      state: result.state.state,
      status: result.state.status,
      data: result.state.data,
      effects: result.effects,
      trace: result.trace,
      clocks: Object.fromEntries(
        Object.entries(clocks).map(([id, c]) => [id, slaView(c, at, calendarOf(definition, c.calendarId))]),
      ),
      available: availableEvents(compiled, result.state).map((e) => e.event),
    });
  };

  record('start', first);

  /** Lets time pass up to `until`, firing what falls due on the way, in order. */
  const passTime = async (until: number) => {
    for (;;) {
      const due: { at: number; run: () => Promise<void> }[] = [];
      const timer = [...timers].sort((a, b) => a.dueAt - b.dueAt)[0];
      if (timer) {
        due.push({
          at: timer.dueAt,
          run: async () => {
            timers = timers.filter((t) => t.key !== timer.key);
            record(
              'timer',
              await step(compiled, state, { type: timer.event, timer: timer.key, at: new Date(now).toISOString() }),
              timer.event,
            );
          },
        });
      }
      for (const [id, clock] of Object.entries(clocks)) {
        const moments = clockMoments(clock, definition);
        const spec = definition.clocks.find((c) => c.id === id);
        for (const [kind, at] of [
          ['clock-warning', moments.warningAt],
          ['clock-breach', moments.breachAt],
        ] as const) {
          const key = `${id}:${kind}:${clock.generation}`;
          if (!at || reported.has(key)) continue;
          due.push({
            at: at.getTime(),
            run: async () => {
              reported.add(key);
              const event = kind === 'clock-breach' ? spec?.breachEvent : spec?.warningEvent;
              const handled = event && compiled.outgoing.get(state.state)?.has(event);
              record(
                kind,
                handled
                  ? await step(compiled, state, { type: event, at: new Date(now).toISOString() })
                  : { ok: true, state, effects: [], trace: [] },
                event ?? id,
              );
            },
          });
        }
      }
      const next = due.sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > until) break;
      now = Math.max(now, next.at);
      await next.run();
    }
    now = until;
  };

  for (const input of script.events) {
    if (input.advance) await passTime(now + durationMs(input.advance));
    if (input.until) await passTime(Date.parse(input.until));
    if (input.event) {
      record(
        'event',
        await step(compiled, state, {
          type: input.event,
          at: new Date(now).toISOString(),
          ...(input.actor ? { actor: input.actor } : {}),
          ...(input.data ? { data: input.data } : {}),
          ...(input.vote ? { vote: input.vote } : {}),
          ...(input.comment ? { comment: input.comment } : {}),
        }),
        input.event,
      );
    }
  }
  return frames;
}
