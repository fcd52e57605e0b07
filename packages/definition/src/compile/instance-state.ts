import type { LocalizedText } from '../format/common.ts';

/** Who sends an event: a user with the process roles they hold. Absent for system events (timers, automation). */
export interface Actor {
  id: string;
  roles: readonly string[];
}

/** An event sent to an instance. */
export interface ProcessEvent {
  /** A transition event of the definition, or {@link VOTE_EVENT}. */
  type: string;
  /** Record data supplied with the event (e.g. a transition form), merged into the record first. */
  data?: Record<string, unknown>;
  actor?: Actor;
  /** ISO date-time of the event, used by `setField … from now` and work notes. */
  at?: string;
  /** Set when a timer raised the event: its `key`; the timer must still be open. */
  timer?: string;
  /** For {@link VOTE_EVENT}. */
  vote?: 'approve' | 'reject';
  comment?: string;
}

/** The event type of an approval vote (it cannot collide with a definition id, which has no dot). */
export const VOTE_EVENT = 'approval.vote';

/** The status of an SLA clock on an instance. */
export type ClockStatus = 'running' | 'paused' | 'stopped';

/** A timer that is scheduled and not yet fired or cancelled. */
export interface OpenTimer {
  /** Unique within the instance: `<timer id>@<step>`; the runtime derives its timer document id from it. */
  key: string;
  timer: string;
  /** The state whose timer this is; leaving it cancels the timer. */
  state: string;
  event: string;
  after?: string;
  /** The resolved deadline (the value of the timer's deadline field). */
  deadline?: unknown;
  time: 'business' | 'calendar';
  calendar?: string;
  repeat: boolean;
}

/** One recorded approval vote. */
export interface Vote {
  actor: string;
  vote: 'approve' | 'reject';
  /** The approver roles the actor held when voting. */
  roles: string[];
  comment?: string;
  at?: string;
}

/** The approval asked for in the current state. */
export interface ApprovalState {
  state: string;
  votes: Vote[];
  outcome?: 'approved' | 'rejected';
}

/** A work note appended by an effect. */
export interface WorkNote {
  text: LocalizedText;
  step: number;
  at?: string;
  actor?: string;
}

/**
 * The serialisable state of one instance: plain JSON, survives a JSON round trip unchanged.
 * The xstate snapshot is derived from `state` (see `machineSnapshot`).
 */
export interface InstanceState {
  process: { key: string; version: number };
  /** The current state id. */
  state: string;
  /** `done` once a final state is reached. */
  status: 'active' | 'done';
  data: Record<string, unknown>;
  /** The last outputs of each evaluated decision: decision id -> output id -> value. */
  decisions: Record<string, Record<string, unknown>>;
  /** The events fired by each evaluated rule set. */
  ruleEvents: Record<string, string[]>;
  timers: OpenTimer[];
  clocks: Record<string, ClockStatus>;
  /** Clocks paused by the current state: they resume when it is left (unless the next state pauses or stops them). */
  pausedBy: Record<string, string>;
  assignee?: { role?: string; user?: string };
  /** The actor who started the instance (segregation of duties). */
  requester?: string;
  approval?: ApprovalState;
  workNotes: WorkNote[];
  /** Steps taken so far (the initial entry is step 0). */
  step: number;
}
