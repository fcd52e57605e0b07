import type { Actor, EffectRecord, InstanceState, TraceEntry } from '@clauseflow/definition';
import type { SlaClockRecord } from '../sla-clock.ts';

/** Who acts: a user with the process roles they hold here. Timers and automation act as the system. */
export type EngineActor = Actor;

/** The actor id events raised by timers are recorded under. */
export const SYSTEM_ACTOR = 'system';

/** What one event of an instance's log holds in its body (plain JSON). */
export interface InstanceEventBody {
  kind: 'started' | 'stepped' | 'clock' | 'migrated';
  process: { key: string; version: number };
  input: { type: string; data?: Record<string, unknown>; vote?: string; comment?: string; timer?: string };
  from: string | null;
  state: InstanceState;
  clocks: Record<string, SlaClockRecord>;
  effects: EffectRecord[];
  trace: TraceEntry[];
}

/** Plain JSON: drops `undefined`, turns Dates into strings (trace values may hold either). */
export function plainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
