import { createHash, randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import {
  initialState,
  step,
  type Actor,
  type CompiledProcess,
  type DataProblem,
  type EffectRecord,
  type InstanceState,
  type LocalizedText,
  type StepRejection,
  type StepResult,
  type TraceEntry,
} from '@clauseflow/definition';
import type { Clock } from '../clock.ts';
import { DefinitionStore } from '../definitions/definition-store.ts';
import { emptyHead, EventLog, headOf, type LogHead, type StoredEvent } from '../event-log.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { JsonObject } from '../storable-json.ts';
import type { SlaClockRecord } from '../sla-clock.ts';
import type { NotificationPort, TimerPort, TimerRequest } from './engine-ports.ts';
import { engineStateOf, InstanceProjections, projectInstance, type InstanceDocument } from './instance-projection.ts';
import { ProjectionCache } from './projection-cache.ts';
import { applyClockEffects, clockMoments, timerDueAt } from './instance-time.ts';
import { ProcessRegistry } from './process-registry.ts';

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

/** Why the engine refused a request; nothing was recorded. */
export type EngineFailureCode =
  'NOT_FOUND' | 'PROCESS_NOT_PUBLISHED' | 'CONFLICT' | 'VALIDATION_FAILED' | 'INVALID_ARGUMENT' | StepRejection['code'];

export interface EngineFailure {
  ok: false;
  code: EngineFailureCode;
  message: LocalizedText;
  params: Record<string, unknown>;
  /** Payload problems (VALIDATION_FAILED), with JSON Pointers into the payload. */
  problems?: DataProblem[];
  /** The rule trace up to the refusal (e.g. failing guards). */
  trace?: TraceEntry[];
}

export interface EngineSuccess {
  ok: true;
  instanceId: string;
  seq: number;
  state: InstanceState;
  event: StoredEvent;
  /** True when an idempotency key replayed a recorded outcome: nothing changed now. */
  replayed: boolean;
}

export type EngineResult = EngineSuccess | EngineFailure;

/** What a send carries: the event, its form data, an approval vote, a comment, the timer that raised it. */
export interface SendInput {
  type: string;
  data?: Record<string, unknown>;
  vote?: 'approve' | 'reject';
  comment?: string;
  timer?: string;
}

export interface SendOptions {
  /** The same key on the same instance returns the recorded outcome and changes nothing. */
  idempotencyKey?: string;
  /** The seq the caller last saw; another writer in between answers CONFLICT instead of a retry. */
  expectedSeq?: number;
}

export interface StartOptions {
  instanceId?: string;
  idempotencyKey?: string;
}

export interface EngineOptions {
  clock: Clock;
  timers: TimerPort;
  notifications: NotificationPort;
  /** Attempts when other writers keep taking the next seq and the caller gave no expectedSeq (default 50). */
  maxAttempts?: number;
  /** Projections this process wrote that it remembers, so a send needs no read (default 10,000; 0 = none). */
  projectionCacheSize?: number;
  /**
   * Called after every applied event's projection write — sends, starts, timers, linked records,
   * migrations and repairs alike — so indexes kept outside the engine follow every change. A
   * failure is logged; the event stands.
   */
  onProjected?: (change: ProjectedChange) => Promise<void> | void;
}

/** An instance's state after one applied event, as {@link EngineOptions.onProjected} gets it. */
export interface ProjectedChange {
  instanceId: string;
  compiled: CompiledProcess;
  state: InstanceState;
  /** When the event happened. */
  at: Date;
}

/** An instance as loaded from its log. */
export interface LoadedInstance {
  instanceId: string;
  head: LogHead;
  body: InstanceEventBody;
  compiled: CompiledProcess;
  createdAt: Date;
}

const MESSAGES: Record<
  'NOT_FOUND' | 'PROCESS_NOT_PUBLISHED' | 'CONFLICT' | 'VALIDATION_FAILED' | 'INVALID_ARGUMENT',
  LocalizedText
> = {
  NOT_FOUND: { en: 'No such record.', zh: '没有该记录。' },
  PROCESS_NOT_PUBLISHED: { en: 'The process has no published version.', zh: '该流程没有已发布的版本。' },
  CONFLICT: {
    en: 'The record changed meanwhile; reload it and try again.',
    zh: '记录已被他人修改，请重新加载后再试。',
  },
  VALIDATION_FAILED: { en: 'The data does not match the form.', zh: '数据与表单不符。' },
  INVALID_ARGUMENT: { en: 'The request is malformed.', zh: '请求格式不正确。' },
};

function failure(
  code: keyof typeof MESSAGES,
  params: Record<string, unknown> = {},
  extra: Partial<EngineFailure> = {},
): EngineFailure {
  return { ok: false, code, message: MESSAGES[code], params, ...extra };
}

function rejected(result: Extract<StepResult, { ok: false }>): EngineFailure {
  const { rejection } = result;
  // The form rule lives in step() (event-data.ts); its refusal keeps the engine's payload-problem shape.
  if (rejection.code === 'DATA_INVALID') {
    const { problems, event } = rejection.params as { problems: DataProblem[]; event?: string };
    return failure('VALIDATION_FAILED', event === undefined ? {} : { event }, { problems });
  }
  return { ok: false, code: rejection.code, message: rejection.message, params: rejection.params, trace: result.trace };
}

/** Plain JSON: drops `undefined`, turns Dates into strings (trace values may hold either). */
function plainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function bodyOf(event: StoredEvent): InstanceEventBody {
  return event.body as unknown as InstanceEventBody;
}

/**
 * Runs instances of published definitions over MongoDB. Every change is one event appended to
 * the instance's log (a single-document insert whose unique `_id` decides races); effects are
 * then applied with deterministic ids, so a crash and retry never duplicates them, and the
 * `instances` projection is brought up to the log.
 */
export class InstanceEngine {
  readonly definitions: DefinitionStore;
  readonly registry: ProcessRegistry;
  readonly projections: InstanceProjections;
  readonly #recent: ProjectionCache;

  private constructor(
    readonly log: EventLog,
    db: Db,
    private readonly options: EngineOptions,
  ) {
    this.definitions = new DefinitionStore(db);
    this.registry = new ProcessRegistry(this.definitions);
    this.projections = new InstanceProjections(db);
    this.#recent = new ProjectionCache(options.projectionCacheSize);
  }

  /** Opens the engine and makes sure the collections it relies on have their indexes. */
  static async open(db: Db, options: EngineOptions): Promise<InstanceEngine> {
    const log = await EventLog.open(db);
    const engine = new InstanceEngine(log, db, options);
    await engine.definitions.init();
    await engine.projections.ensureIndexes();
    return engine;
  }

  /** Starts an instance of the newest published version of a process with the requester's data. */
  async start(
    processKey: string,
    data: Record<string, unknown>,
    actor: EngineActor,
    opts: StartOptions = {},
  ): Promise<EngineResult> {
    if (typeof processKey !== 'string' || typeof data !== 'object' || data === null || Array.isArray(data)) {
      return failure('INVALID_ARGUMENT', { processKey });
    }
    const compiled = await this.registry.latest(processKey);
    if (!compiled) return failure('PROCESS_NOT_PUBLISHED', { processKey });
    // A keyed start must land on the same instance when replayed.
    const instanceId =
      opts.instanceId ??
      (opts.idempotencyKey
        ? `i_${createHash('sha256').update(`${processKey}\n${actor.id}\n${opts.idempotencyKey}`).digest('hex').slice(0, 24)}`
        : `i_${randomUUID().replaceAll('-', '').slice(0, 24)}`);

    const at = this.options.clock.now();
    const result = await initialState(compiled, data, { actor, at: at.toISOString() });
    if (!result.ok) return rejected(result);
    const body: InstanceEventBody = {
      kind: 'started',
      process: { key: compiled.definition.key, version: compiled.definition.version },
      input: { type: 'start', data },
      from: null,
      state: result.state,
      clocks: applyClockEffects({}, result.effects, at, compiled.definition),
      effects: result.effects,
      trace: result.trace,
    };
    const appended = await this.append(
      instanceId,
      body,
      actor.id,
      at,
      emptyHead(instanceId),
      opts.idempotencyKey ?? 'start',
    );
    if (appended.status === 'duplicate') return this.replay(appended.event);
    if (appended.status === 'conflict') return failure('CONFLICT', { instanceId });
    await this.applyEffects(instanceId, compiled, appended.event, {}, at);
    return { ok: true, instanceId, seq: appended.event.seq, state: body.state, event: appended.event, replayed: false };
  }

  /**
   * Sends an event to an instance: checks the payload against the transition's form, evaluates
   * the rules and steps the machine, appends one event and applies its effects.
   *
   * Idempotency costs no read on the way to success: the event carries the key, and the log's
   * unique index on (instance, key) turns a repeat into `duplicate` with the recorded event. Only
   * a refusal — the instance has moved on, so the repeat no longer fits — looks the key up.
   */
  async send(
    instanceId: string,
    input: SendInput,
    actor: EngineActor | null,
    opts: SendOptions = {},
  ): Promise<EngineResult> {
    if (
      typeof instanceId !== 'string' ||
      instanceId.length === 0 ||
      instanceId.length > 200 ||
      typeof input?.type !== 'string'
    ) {
      return failure('INVALID_ARGUMENT', { instanceId });
    }
    const result = await this.attemptSend(instanceId, input, actor, opts);
    if (result.ok || opts.idempotencyKey === undefined || result.code === 'NOT_FOUND') return result;
    const recorded = await this.log.findByIdempotencyKey(instanceId, opts.idempotencyKey);
    return recorded ? this.replay(recorded) : result;
  }

  private async attemptSend(
    instanceId: string,
    input: SendInput,
    actor: EngineActor | null,
    opts: SendOptions,
  ): Promise<EngineResult> {
    const maxAttempts = this.options.maxAttempts ?? 50;
    let hint: LogHead | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let loaded = await this.load(instanceId, hint);
      if (!loaded) return failure('NOT_FOUND', { instanceId });
      // A projection that lags must not turn a current caller away: check against the log.
      if (opts.expectedSeq !== undefined && loaded.head.seq !== opts.expectedSeq && !hint) {
        loaded = await this.load(instanceId, undefined, true);
        if (!loaded) return failure('NOT_FOUND', { instanceId });
      }
      if (opts.expectedSeq !== undefined && loaded.head.seq !== opts.expectedSeq) {
        return failure('CONFLICT', { instanceId, expectedSeq: opts.expectedSeq, currentSeq: loaded.head.seq });
      }
      const { compiled, body } = loaded;
      const at = this.options.clock.now();
      const result = await step(compiled, body.state, {
        type: input.type,
        at: at.toISOString(),
        ...(actor ? { actor } : {}),
        ...(input.data !== undefined ? { data: input.data } : {}),
        ...(input.vote ? { vote: input.vote } : {}),
        ...(input.comment ? { comment: input.comment } : {}),
        ...(input.timer ? { timer: input.timer } : {}),
      });
      if (!result.ok) return rejected(result);
      const next: InstanceEventBody = {
        kind: 'stepped',
        process: body.process,
        input: plainJson(input),
        from: body.state.state,
        state: result.state,
        clocks: applyClockEffects(body.clocks, result.effects, at, compiled.definition),
        effects: result.effects,
        trace: result.trace,
      };
      const appended = await this.append(
        instanceId,
        next,
        actor?.id ?? SYSTEM_ACTOR,
        at,
        loaded.head,
        opts.idempotencyKey,
      );
      if (appended.status === 'duplicate') return this.replay(appended.event);
      if (appended.status === 'appended') {
        await this.applyEffects(instanceId, compiled, appended.event, body.clocks, loaded.createdAt);
        return {
          ok: true,
          instanceId,
          seq: appended.event.seq,
          state: next.state,
          event: appended.event,
          replayed: false,
        };
      }
      // Another writer took the seq.
      if (opts.expectedSeq !== undefined) return failure('CONFLICT', { instanceId, expectedSeq: opts.expectedSeq });
      hint = appended.observed ?? loaded.head;
    }
    return failure('CONFLICT', { instanceId, attempts: maxAttempts });
  }

  /**
   * Fires a due timer. State timers send their event as the system, keyed by the timer id so a
   * timer fired by two processes, or twice after a crash, is recorded once. A timer that is no
   * longer open (its state was left, its clock changed) fires as a harmless no-op.
   */
  async fireTimer(timer: TimerRequest): Promise<EngineResult | { ok: true; stale: true }> {
    const idempotencyKey = `timer:${timer.id}`;
    if (timer.kind === 'state') {
      if (!timer.event || !timer.key) return { ok: true, stale: true };
      const result = await this.send(timer.instanceId, { type: timer.event, timer: timer.key }, null, {
        idempotencyKey,
      });
      if (
        !result.ok &&
        ['TIMER_NOT_OPEN', 'INSTANCE_DONE', 'EVENT_NOT_ALLOWED', 'GUARD_FAILED', 'NOT_FOUND'].includes(result.code)
      ) {
        return { ok: true, stale: true };
      }
      return result;
    }
    // A repeat firing appends with the same key and gets the recorded event back (`duplicate`).
    let hint: LogHead | undefined;
    for (let attempt = 1; attempt <= (this.options.maxAttempts ?? 50); attempt++) {
      const loaded = await this.load(timer.instanceId, hint);
      const clock = timer.clock ? loaded?.body.clocks[timer.clock] : undefined;
      if (!loaded || !clock || clock.status !== 'running' || clock.generation !== timer.generation)
        return { ok: true, stale: true };
      const spec = loaded.compiled.definition.clocks.find((c) => c.id === timer.clock);
      const event = timer.kind === 'clock-breach' ? spec?.breachEvent : spec?.warningEvent;
      // A definition that handles the clock event steps on it; otherwise the moment is recorded.
      if (event && loaded.compiled.outgoing.get(loaded.body.state.state)?.has(event)) {
        const result = await this.send(timer.instanceId, { type: event }, null, { idempotencyKey });
        return !result.ok && result.code !== 'CONFLICT' ? { ok: true, stale: true } : result;
      }
      const at = this.options.clock.now();
      const body: InstanceEventBody = {
        ...loaded.body,
        kind: 'clock',
        input: {
          type: timer.kind === 'clock-breach' ? 'sla.breached' : 'sla.warning',
          data: { clock: timer.clock ?? '' },
        },
        from: loaded.body.state.state,
        effects: [],
        trace: [],
      };
      const appended = await this.append(timer.instanceId, body, SYSTEM_ACTOR, at, loaded.head, idempotencyKey);
      if (appended.status === 'duplicate') return this.replay(appended.event);
      if (appended.status === 'appended') {
        await this.applyEffects(
          timer.instanceId,
          loaded.compiled,
          appended.event,
          loaded.body.clocks,
          loaded.createdAt,
        );
        return {
          ok: true,
          instanceId: timer.instanceId,
          seq: appended.event.seq,
          state: body.state,
          event: appended.event,
          replayed: false,
        };
      }
      hint = appended.observed ?? loaded.head;
    }
    return failure('CONFLICT', { instanceId: timer.instanceId });
  }

  /**
   * Moves an instance to another published version of its process, as one recorded event
   * keyed by the migration (so applying the same migration again changes nothing). The state
   * is renamed by the map; timers of states the new version lacks are dropped.
   */
  async migrate(
    instanceId: string,
    map: { fromVersion: number; toVersion: number; states: Readonly<Record<string, string>> },
    actor: EngineActor,
  ): Promise<EngineResult> {
    const key = `migrate:${map.fromVersion}->${map.toVersion}`;
    const recorded = await this.log.findByIdempotencyKey(instanceId, key);
    if (recorded) return this.replay(recorded);
    const loaded = await this.load(instanceId);
    if (!loaded) return failure('NOT_FOUND', { instanceId });
    if (loaded.body.process.version !== map.fromVersion) {
      return failure('INVALID_ARGUMENT', {
        instanceId,
        version: loaded.body.process.version,
        reason: 'NOT_ON_FROM_VERSION',
      });
    }
    const target = await this.registry.get(loaded.body.process.key, map.toVersion);
    if (!target)
      return failure('PROCESS_NOT_PUBLISHED', { processKey: loaded.body.process.key, version: map.toVersion });
    const from = loaded.body.state.state;
    const to = map.states[from];
    if (to === undefined || !target.states.has(to))
      return failure('INVALID_ARGUMENT', { instanceId, state: from, reason: 'NO_MAPPING' });
    const at = this.options.clock.now();
    const state: InstanceState = {
      ...loaded.body.state,
      process: { key: target.definition.key, version: target.definition.version },
      state: to,
      timers: loaded.body.state.timers.filter((timer) => target.timers.get(timer.timer)?.state === to),
    };
    const body: InstanceEventBody = {
      kind: 'migrated',
      process: state.process,
      input: { type: 'migrate', data: { fromVersion: loaded.body.process.version, toVersion: map.toVersion } },
      from,
      state,
      clocks: loaded.body.clocks,
      effects: loaded.body.state.timers
        .filter((timer) => !state.timers.includes(timer))
        .map((timer) => ({ type: 'cancelTimer' as const, key: timer.key, timer: timer.timer })),
      trace: [],
    };
    const appended = await this.append(instanceId, body, actor.id, at, loaded.head, key);
    if (appended.status === 'duplicate') return this.replay(appended.event);
    if (appended.status === 'conflict') return failure('CONFLICT', { instanceId });
    await this.applyEffects(instanceId, target, appended.event, loaded.body.clocks, loaded.createdAt);
    return { ok: true, instanceId, seq: appended.event.seq, state, event: appended.event, replayed: false };
  }

  /**
   * Loads an instance from its log (the last event holds its whole state). When the projection
   * lags the log — a crash between append and effects — the missing effects are applied first.
   */
  async load(instanceId: string, hint?: LogHead, verifyHead = false): Promise<LoadedInstance | null> {
    // Fast path: a projection carries the state after its seq. If another writer appended
    // since, the next append collides on the unique _id and the caller reloads with a hint: the
    // stored projection when it has caught up with the hint (it usually has), else the log.
    const remembered = !hint && !verifyHead ? this.#recent.get(instanceId) : undefined;
    const projection = remembered ?? (await this.projections.get(instanceId));
    const current = projection && !verifyHead ? engineStateOf(projection) : null;
    if (projection && current && (!hint || projection.seq >= hint.seq)) {
      const compiled = await this.registry.get(current.process.key, current.process.version);
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
    const stored = remembered ? await this.projections.get(instanceId) : projection;
    const from = hint ?? (stored ? { instanceId, seq: stored.seq, hash: stored.hash } : undefined);
    const head = await this.log.head(instanceId, from);
    if (head.seq === 0) return null;
    const last = await this.log.get(instanceId, head.seq);
    if (!last) return null;
    const body = bodyOf(last);
    const compiled = await this.registry.get(body.process.key, body.process.version);
    if (!compiled)
      throw new Error(
        `instance ${instanceId} runs on ${body.process.key}@${body.process.version}, which is not stored`,
      );
    const createdAt = stored?.createdAt ?? (await this.log.get(instanceId, 1))?.at ?? last.at;
    if (!stored || stored.seq < head.seq) await this.repair(instanceId, compiled, stored, createdAt);
    return { instanceId, head: headOf(last), body, compiled, createdAt };
  }

  /** The projection of an instance, repaired from the log when it lags. */
  async instance(instanceId: string): Promise<InstanceDocument | null> {
    const loaded = await this.load(instanceId, undefined, true);
    return loaded ? this.projections.get(instanceId) : null;
  }

  /** Re-applies the effects of the events after the projection's seq (idempotent), then projects. */
  private async repair(
    instanceId: string,
    compiled: CompiledProcess,
    projection: InstanceDocument | null,
    createdAt: Date,
  ): Promise<void> {
    const missed = await this.log.read(instanceId, { fromSeq: (projection?.seq ?? 0) + 1 });
    let previousClocks: Record<string, SlaClockRecord> = {};
    if (projection && projection.seq > 0) {
      const before = await this.log.get(instanceId, projection.seq);
      if (before) previousClocks = bodyOf(before).clocks;
    }
    for (const event of missed) {
      const eventCompiled =
        (await this.registry.get(bodyOf(event).process.key, bodyOf(event).process.version)) ?? compiled;
      await this.applyEffects(instanceId, eventCompiled, event, previousClocks, createdAt);
      previousClocks = bodyOf(event).clocks;
    }
  }

  /** Applies an event's effects with deterministic ids, then writes the projection. */
  private async applyEffects(
    instanceId: string,
    compiled: CompiledProcess,
    event: StoredEvent,
    previousClocks: Readonly<Record<string, SlaClockRecord>>,
    createdAt: Date,
  ): Promise<void> {
    const body = bodyOf(event);
    const definition = compiled.definition;
    for (const [index, effect] of body.effects.entries()) {
      if (effect.type === 'scheduleTimer') {
        const dueAt = timerDueAt(effect, event.at, definition);
        if (dueAt) {
          await this.options.timers.schedule({
            id: `${instanceId}:${effect.key}`,
            instanceId,
            dueAt,
            kind: 'state',
            key: effect.key,
            event: effect.event,
          });
        }
      } else if (effect.type === 'cancelTimer') {
        await this.options.timers.cancel(`${instanceId}:${effect.key}`);
      } else if (effect.type === 'notify') {
        await this.options.notifications.enqueue({
          id: `${instanceId}:${event.seq}:${index}`,
          instanceId,
          role: effect.role,
          message: effect.message,
          at: event.at,
        });
      } else if (effect.type === 'createLinkedRecord') {
        const child = await this.start(
          effect.process,
          effect.data,
          { id: SYSTEM_ACTOR, roles: [] },
          {
            instanceId: `${instanceId}-${event.seq}-${index}`,
            idempotencyKey: 'start',
          },
        );
        if (!child.ok && child.code !== 'CONFLICT') {
          // The record is not lost: the failure is in the log of this instance's next repair.
          console.warn(`linked record ${effect.process} of ${instanceId} not created: ${child.code}`);
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
    if (await this.projections.write(projection)) this.#recent.remember(projection);
    else this.#recent.forget(instanceId);
    if (this.options.onProjected) {
      try {
        await this.options.onProjected({ instanceId, compiled, state: body.state, at: event.at });
      } catch (error) {
        console.warn(`onProjected of ${instanceId} at seq ${event.seq} failed:`, error);
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
    for (const [name, clock] of Object.entries(after)) {
      const previous = before[name];
      if (previous && previous.generation !== clock.generation) {
        for (const kind of ['clock-warning', 'clock-breach'] as const) {
          await this.options.timers.cancel(`${instanceId}:sla:${name}:${kind}:${previous.generation}`);
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
        await this.options.timers.schedule({
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

  /** Appends one instance event (a RuntimeError INVALID_DOCUMENT when the body cannot be stored). */
  private async append(
    instanceId: string,
    body: InstanceEventBody,
    actor: string,
    at: Date,
    head: LogHead,
    idempotencyKey?: string,
  ) {
    return this.log.append(
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

  private async replay(event: StoredEvent): Promise<EngineSuccess> {
    // A replay may follow a crash between the append and its effects: finish them first.
    const projection = await this.projections.get(event.instanceId);
    if (!projection || projection.seq < event.seq) await this.load(event.instanceId, undefined, true);
    const body = bodyOf(event);
    return { ok: true, instanceId: event.instanceId, seq: event.seq, state: body.state, event, replayed: true };
  }
}
