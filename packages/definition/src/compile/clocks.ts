import type { SlaClock } from '../format/clock.ts';
import type { EffectRecord } from './effects.ts';
import type { InstanceState } from './instance-state.ts';

/** The target of a clock for the record's data: by the value of its field, else the default. */
export function clockTarget(clock: SlaClock, data: Record<string, unknown>): string | undefined {
  const { byField, values, default: fallback } = clock.target;
  if (byField !== undefined && values && Object.hasOwn(data, byField)) {
    const key = data[byField];
    if (typeof key === 'string' && Object.hasOwn(values, key)) return values[key];
  }
  return fallback;
}

/**
 * Applies a clock action to the instance and returns the effect, or `undefined` when it changes
 * nothing (starting a running clock, pausing a paused one, …).
 */
export function clockAction(
  clock: SlaClock,
  action: 'start' | 'pause' | 'stop',
  state: InstanceState,
): EffectRecord | undefined {
  const status = state.clocks[clock.id] ?? 'stopped';
  if (action === 'start') {
    if (status === 'running') return undefined;
    state.clocks[clock.id] = 'running';
    const target = clockTarget(clock, state.data);
    return {
      type: 'startClock',
      clock: clock.id,
      resumed: status === 'paused',
      ...(target === undefined ? {} : { target }),
      ...(clock.calendar === undefined ? {} : { calendar: clock.calendar }),
      warnAt: [...clock.warnAt],
      ...(clock.warningEvent === undefined ? {} : { warningEvent: clock.warningEvent }),
      ...(clock.breachEvent === undefined ? {} : { breachEvent: clock.breachEvent }),
    };
  }
  if (action === 'pause') {
    if (status !== 'running') return undefined;
    state.clocks[clock.id] = 'paused';
    return { type: 'pauseClock', clock: clock.id };
  }
  if (status === 'stopped') return undefined;
  state.clocks[clock.id] = 'stopped';
  return { type: 'stopClock', clock: clock.id };
}
