import type { LocalizedText } from '@clauseflow/definition';

/** A timer the engine asks to be fired later. Its id is deterministic, so scheduling twice is harmless. */
export interface TimerRequest {
  /** `${instanceId}:${key}` for state timers, `${instanceId}:sla:${clock}:${kind}:${generation}` for clocks. */
  id: string;
  instanceId: string;
  dueAt: Date;
  kind: 'state' | 'clock-warning' | 'clock-breach';
  /** State timers: the timer key and the event it raises. Clock timers: the clock and its generation. */
  key?: string;
  event?: string;
  clock?: string;
  generation?: number;
}

/** Where the engine keeps timers (the durable timer store). */
export interface TimerPort {
  schedule(timer: TimerRequest): Promise<void>;
  cancel(id: string): Promise<void>;
}

/** A notification the engine hands to the outbox; its id is deterministic so a retry never sends twice. */
export interface NotificationRequest {
  id: string;
  instanceId: string;
  role: string;
  message: LocalizedText;
  at: Date;
}

/** Where the engine leaves notifications (the outbox). */
export interface NotificationPort {
  enqueue(notification: NotificationRequest): Promise<void>;
}
