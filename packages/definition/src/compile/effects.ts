import type { LocalizedText } from '../format/common.ts';
import type { Approval } from '../format/state.ts';
import type { OpenTimer } from './instance-state.ts';

/**
 * A concrete effect for the runtime, as data. `setField`, `assign` and `appendWorkNote` are
 * already applied to the returned state and listed for the record; the others are for the
 * runtime to execute (notifications, linked records, timers, clocks).
 */
export type EffectRecord =
  | { type: 'setField'; field: string; value: unknown; source: 'effect' | 'decision' | 'ruleSet' | 'event' }
  | { type: 'assign'; role?: string; user?: string }
  | { type: 'appendWorkNote'; text: LocalizedText }
  | { type: 'notify'; role: string; message: LocalizedText }
  | { type: 'createLinkedRecord'; process: string; link: string; data: Record<string, unknown> }
  /** The timer opened on the instance, as {@link OpenTimer} records it. */
  | ({ type: 'scheduleTimer' } & OpenTimer)
  | { type: 'cancelTimer'; key: string; timer: string }
  | {
      type: 'startClock';
      clock: string;
      /** True when a paused clock resumes rather than starting anew. */
      resumed: boolean;
      /** The target resolved from the record (ISO 8601 duration), if any. */
      target?: string;
      calendar?: string;
      warnAt: number[];
      warningEvent?: string;
      breachEvent?: string;
    }
  | { type: 'pauseClock'; clock: string }
  | { type: 'stopClock'; clock: string }
  /** A running or paused clock's target changed because the data it depends on changed. */
  | { type: 'retargetClock'; clock: string; target?: string }
  | {
      type: 'requestApproval';
      state: string;
      approvers: Approval['approvers'];
      policy: Approval['policy'];
      quorum?: number;
    }
  | { type: 'recordVote'; state: string; actor: string; vote: 'approve' | 'reject'; comment?: string };
