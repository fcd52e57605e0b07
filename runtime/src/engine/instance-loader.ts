import type { CompiledProcess } from '@clauseflow/definition';
import { headOf, type EventLog, type LogHead, type StoredEvent } from '../event-log.ts';
import { instanceEventBody } from '../instance-data.ts';
import type { SlaClockRecord } from '../sla-clock.ts';
import type { EffectApplier } from './effect-applier.ts';
import type { EngineSuccess } from './engine-outcome.ts';
import type { InstanceEventBody } from './instance-event.ts';
import { engineStateOf, type InstanceDocument, type InstanceProjections } from './instance-projection.ts';
import type { ProcessRegistry } from './process-registry.ts';
import type { ProjectionCache } from './projection-cache.ts';

/** An instance as loaded from its log. */
export interface LoadedInstance {
  instanceId: string;
  head: LogHead;
  body: InstanceEventBody;
  compiled: CompiledProcess;
  createdAt: Date;
}

/** What loading reads from and repairs with. */
export interface InstanceLoaderParts {
  log: EventLog;
  projections: InstanceProjections;
  registry: ProcessRegistry;
  recent: ProjectionCache;
  effects: EffectApplier;
}

/**
 * Loads instances: from the projection when it is current, else from the log, whose last event
 * holds the whole state. A projection that lags its log (a crash between an append and its
 * effects) is repaired by applying the missed events' effects again; recorded outcomes are
 * replayed the same way.
 */
export class InstanceLoader {
  constructor(private readonly parts: InstanceLoaderParts) {}

  /**
   * Loads an instance; `hint` is a head known to exist (after a lost race), `verifyHead` reads
   * the log's head even when the projection looks current. When the projection lags the log,
   * the missing effects are applied first.
   */
  async load(instanceId: string, hint?: LogHead, verifyHead = false): Promise<LoadedInstance | null> {
    const { log, projections, registry, recent } = this.parts;
    // Fast path: a projection carries the state after its seq. If another writer appended
    // since, the next append collides on the unique _id and the caller reloads with a hint: the
    // stored projection when it has caught up with the hint (it usually has), else the log.
    const remembered = !hint && !verifyHead ? recent.get(instanceId) : undefined;
    const projection = remembered ?? (await projections.get(instanceId));
    const current = projection && !verifyHead ? engineStateOf(projection) : null;
    if (projection && current && (!hint || projection.seq >= hint.seq)) {
      const compiled = await registry.get(current.process.key, current.process.version);
      if (compiled) {
        const body = {
          ...current,
          kind: 'stepped',
          input: { type: '' },
          from: null,
          effects: [],
          trace: [],
        } as InstanceEventBody;
        return {
          instanceId,
          head: { instanceId, seq: projection.seq, hash: projection.hash },
          body,
          compiled,
          createdAt: projection.createdAt,
        };
      }
    }
    // The slow path decides on repairs, so it trusts only the stored projection.
    const stored = remembered ? await projections.get(instanceId) : projection;
    const from = hint ?? (stored ? { instanceId, seq: stored.seq, hash: stored.hash } : undefined);
    const head = await log.head(instanceId, from);
    if (head.seq === 0) return null;
    const last = await log.get(instanceId, head.seq);
    if (!last) return null;
    const body = instanceEventBody(last);
    const compiled = await registry.get(body.process.key, body.process.version);
    if (!compiled)
      throw new Error(
        `instance ${instanceId} runs on ${body.process.key}@${body.process.version}, which is not stored`,
      );
    const createdAt = stored?.createdAt ?? (await log.get(instanceId, 1))?.at ?? last.at;
    if (!stored || stored.seq < head.seq) await this.repair(instanceId, compiled, stored, createdAt);
    return { instanceId, head: headOf(last), body, compiled, createdAt };
  }

  /** A recorded outcome returned again, after finishing its effects if a crash cut them short. */
  async replay(event: StoredEvent): Promise<EngineSuccess> {
    const projection = await this.parts.projections.get(event.instanceId);
    if (!projection || projection.seq < event.seq) await this.load(event.instanceId, undefined, true);
    const body = instanceEventBody(event);
    return { ok: true, instanceId: event.instanceId, seq: event.seq, state: body.state, event, replayed: true };
  }

  /** Re-applies the effects of the events after the projection's seq (idempotent), then projects. */
  private async repair(
    instanceId: string,
    compiled: CompiledProcess,
    projection: InstanceDocument | null,
    createdAt: Date,
  ): Promise<void> {
    const { log, registry, effects } = this.parts;
    const missed = await log.read(instanceId, { fromSeq: (projection?.seq ?? 0) + 1 });
    let previousClocks: Record<string, SlaClockRecord> = {};
    if (projection && projection.seq > 0) {
      const before = await log.get(instanceId, projection.seq);
      if (before) previousClocks = instanceEventBody(before).clocks;
    }
    for (const event of missed) {
      const body = instanceEventBody(event);
      const eventCompiled = (await registry.get(body.process.key, body.process.version)) ?? compiled;
      await effects.apply(instanceId, eventCompiled, event, previousClocks, createdAt);
      previousClocks = body.clocks;
    }
  }
}
