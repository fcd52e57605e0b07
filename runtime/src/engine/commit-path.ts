import type { CompiledProcess } from '@clauseflow/definition';
import type { AppendResult, EventLog, LogHead } from '../event-log.ts';
import type { SlaClockRecord } from '../sla-clock.ts';
import type { JsonObject } from '../storable-json.ts';
import type { EffectApplier } from './effect-applier.ts';
import type { EngineLogger } from './engine-logger.ts';
import { failure, type EngineFailure, type EngineResult } from './engine-outcome.ts';
import { plainJson, type InstanceEventBody } from './instance-event.ts';
import type { InstanceLoader } from './instance-loader.ts';

/** An event to append after `head`, with what applying its effects needs. */
export interface PendingEvent {
  head: LogHead;
  body: InstanceEventBody;
  /** The actor id it is recorded under. */
  actor: string;
  at: Date;
  idempotencyKey?: string | undefined;
  /** The process version its effects are applied under. */
  compiled: CompiledProcess;
  /** The instance's clocks before the event (clock timers of replaced generations are cancelled). */
  previousClocks: Readonly<Record<string, SlaClockRecord>>;
  createdAt: Date;
}

/** What preparing a commit decided: an event to append, or an answer that records nothing. */
export type Prepared<R> = { append: PendingEvent } | { answer: R };

/** One change of an instance: how to build its event, and what a lost race answers. */
export interface Commit<R> {
  instanceId: string;
  /** Builds the event from the instance as it is now; `hint` is the head a lost race observed. */
  prepare(hint: LogHead | undefined): Promise<Prepared<R>>;
  /** What a lost race answers at once; without it the commit reloads and tries again. */
  raceLost?: EngineFailure;
  /** What running out of attempts answers (default: CONFLICT with the instance id). */
  exhausted?: (attempts: number) => EngineFailure;
}

/** What committing writes to. */
export interface CommitPathParts {
  log: EventLog;
  loader: InstanceLoader;
  effects: EffectApplier;
  /** Attempts when other writers keep taking the next seq (default 50). */
  maxAttempts?: number | undefined;
  logger: EngineLogger;
  /** Waits before each background repair attempt after effects failed, in ms. */
  repairDelaysMs?: readonly number[];
}

const REPAIR_DELAYS_MS = [0, 100, 500, 2_000, 10_000];

/**
 * The one way an instance changes — start, send, timer firing, migration alike: append one
 * event after the head it was built on (a single-document insert whose unique `_id` decides
 * races), then apply its effects and write the projection. A lost race rebuilds the event on
 * the newer head and tries again; a repeated idempotency key returns the recorded outcome.
 *
 * Once the event is appended the change has happened, and the caller is told so: effects or a
 * projection write that fail afterwards (a busy database) do not turn a committed change into an
 * error. They are repaired from the log at once in the background, as a reload would.
 */
export class CommitPath {
  constructor(private readonly parts: CommitPathParts) {}

  async commit<R>(change: Commit<R>): Promise<R | EngineResult> {
    const { instanceId } = change;
    const maxAttempts = this.parts.maxAttempts ?? 50;
    let hint: LogHead | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const prepared = await change.prepare(hint);
      if ('answer' in prepared) return prepared.answer;
      const pending = prepared.append;
      const appended = await this.append(instanceId, pending);
      if (appended.status === 'duplicate') return this.parts.loader.replay(appended.event);
      if (appended.status === 'appended') {
        const { event } = appended;
        try {
          await this.parts.effects.apply(
            instanceId,
            pending.compiled,
            event,
            pending.previousClocks,
            pending.createdAt,
          );
        } catch (error) {
          this.parts.logger.warn(
            { err: error, instanceId, seq: event.seq },
            'effects after a commit failed; repairing',
          );
          void this.repairLater(instanceId);
        }
        return { ok: true, instanceId, seq: event.seq, state: pending.body.state, event, replayed: false };
      }
      // Another writer took the seq.
      if (change.raceLost) return change.raceLost;
      hint = appended.observed ?? pending.head;
    }
    return change.exhausted?.(maxAttempts) ?? failure('CONFLICT', { instanceId });
  }

  /** Catches the projection and effects up with the log, retrying while the database stays busy. */
  private async repairLater(instanceId: string): Promise<void> {
    for (const delay of this.parts.repairDelaysMs ?? REPAIR_DELAYS_MS) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        await this.parts.loader.load(instanceId, undefined, true);
        return;
      } catch (error) {
        this.parts.logger.warn({ err: error, instanceId }, 'repairing an instance after a commit failed');
      }
    }
    this.parts.logger.error({ instanceId }, 'an instance still lags its log; the next read or write repairs it');
  }

  /** Appends one instance event (a RuntimeError INVALID_DOCUMENT when the body cannot be stored). */
  private append(instanceId: string, pending: PendingEvent): Promise<AppendResult> {
    const { body, actor, at, head, idempotencyKey } = pending;
    return this.parts.log.append(
      {
        instanceId,
        type: body.kind === 'started' ? 'started' : body.input.type,
        actor,
        at,
        body: plainJson(body) as unknown as JsonObject,
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      },
      head,
      // A taken seq is a race to retry, not a reason to scan for the key: the key index itself
      // refuses a repeat once the retry finds a free seq, and a refusal looks the key up.
      { checkKeyOnConflict: false },
    );
  }
}
