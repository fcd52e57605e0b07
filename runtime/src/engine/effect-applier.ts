import type { CompiledProcess, InstanceState } from '@clauseflow/definition';
import { canonicalJson } from '../canonical-json.ts';
import type { StoredEvent } from '../event-log.ts';
import { instanceEventBody } from '../instance-data.ts';
import type { SlaClockRecord } from '../sla-clock.ts';
import type { EngineLogger } from './engine-logger.ts';
import type { EngineResult } from './engine-outcome.ts';
import type { NotificationPort, TimerPort } from './engine-ports.ts';
import { projectInstance, type InstanceProjections } from './instance-projection.ts';
import { clockMoments, timerDueAt } from './instance-time.ts';
import type { ProjectionCache } from './projection-cache.ts';

/** An instance's state after one applied event, as the `onProjected` hook gets it. */
export interface ProjectedChange {
  instanceId: string;
  compiled: CompiledProcess;
  state: InstanceState;
  /** When the event happened. */
  at: Date;
}

/** What applying effects needs: where timers, notifications and projections go, and who hears of it. */
export interface EffectApplierPorts {
  timers: TimerPort;
  notifications: NotificationPort;
  projections: InstanceProjections;
  recent: ProjectionCache;
  logger: EngineLogger;
  /** Starts a linked record as the system under a deterministic instance id (the engine's start). */
  startLinked: (processKey: string, data: Record<string, unknown>, instanceId: string) => Promise<EngineResult>;
  /** Called after every projection write; a failure is logged and the event stands. */
  onProjected?: ((change: ProjectedChange) => Promise<void> | void) | undefined;
}

/**
 * Applies a recorded event's effects — timers, notifications, linked records, SLA clock timers —
 * with deterministic ids, so applying the same event again (a repair after a crash) changes
 * nothing, then brings the instance's projection up to the event.
 */
export class EffectApplier {
  constructor(private readonly ports: EffectApplierPorts) {}

  /** Applies `event`'s effects (`previousClocks`: the clocks before it), then writes the projection. */
  async apply(
    instanceId: string,
    compiled: CompiledProcess,
    event: StoredEvent,
    previousClocks: Readonly<Record<string, SlaClockRecord>>,
    createdAt: Date,
  ): Promise<void> {
    const { timers, notifications, projections, recent, logger, onProjected } = this.ports;
    const body = instanceEventBody(event);
    const definition = compiled.definition;
    for (const [index, effect] of body.effects.entries()) {
      if (effect.type === 'scheduleTimer') {
        const dueAt = timerDueAt(effect, event.at, definition);
        if (dueAt) {
          await timers.schedule({
            id: `${instanceId}:${effect.key}`,
            instanceId,
            dueAt,
            kind: 'state',
            key: effect.key,
            event: effect.event,
          });
        }
      } else if (effect.type === 'cancelTimer') {
        await timers.cancel(`${instanceId}:${effect.key}`);
      } else if (effect.type === 'notify') {
        await notifications.enqueue({
          id: `${instanceId}:${event.seq}:${index}`,
          instanceId,
          role: effect.role,
          message: effect.message,
          at: event.at,
        });
      } else if (effect.type === 'createLinkedRecord') {
        const child = await this.ports.startLinked(effect.process, effect.data, `${instanceId}-${event.seq}-${index}`);
        if (!child.ok && child.code !== 'CONFLICT') {
          // The record is not lost: the failure is in the log of this instance's next repair.
          logger.warn(
            { instanceId, seq: event.seq, process: effect.process, code: child.code },
            'linked record not created',
          );
        }
      }
    }
    await this.syncClockTimers(instanceId, definition, previousClocks, body.clocks);
    const projection = projectInstance(
      instanceId,
      compiled,
      body.state,
      body.clocks,
      { seq: event.seq, hash: event.hash },
      createdAt,
      event.at,
    );
    if (await projections.write(projection)) recent.remember(projection);
    else recent.forget(instanceId);
    if (onProjected) {
      try {
        await onProjected({ instanceId, compiled, state: body.state, at: event.at });
      } catch (error) {
        logger.warn({ instanceId, seq: event.seq, err: error }, 'onProjected failed');
      }
    }
  }

  /** Schedules warning and breach timers for each running clock generation; cancels those of replaced generations. */
  private async syncClockTimers(
    instanceId: string,
    definition: CompiledProcess['definition'],
    before: Readonly<Record<string, SlaClockRecord>>,
    after: Readonly<Record<string, SlaClockRecord>>,
  ): Promise<void> {
    const { timers } = this.ports;
    for (const [name, clock] of Object.entries(after)) {
      const previous = before[name];
      if (previous && previous.generation !== clock.generation) {
        for (const kind of ['clock-warning', 'clock-breach'] as const) {
          await timers.cancel(`${instanceId}:sla:${name}:${kind}:${previous.generation}`);
        }
      }
      if (clock.status !== 'running') continue;
      // An unchanged clock keeps the timers its last change scheduled (their ids would be the same).
      if (previous && canonicalJson(previous) === canonicalJson(clock)) continue;
      const moments = clockMoments(clock, definition);
      for (const [kind, dueAt] of [
        ['clock-warning', moments.warningAt],
        ['clock-breach', moments.breachAt],
      ] as const) {
        if (!dueAt) continue;
        await timers.schedule({
          id: `${instanceId}:sla:${name}:${kind}:${clock.generation}`,
          instanceId,
          dueAt,
          kind,
          clock: name,
          generation: clock.generation,
        });
      }
    }
  }
}
