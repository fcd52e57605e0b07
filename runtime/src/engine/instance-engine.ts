import { createHash, randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { initialState, step, type InstanceState } from '@clauseflow/definition';
import type { Clock } from '../clock.ts';
import { DefinitionStore } from '../definitions/definition-store.ts';
import { emptyHead, EventLog, type LogHead } from '../event-log.ts';
import { CommitPath, type PendingEvent } from './commit-path.ts';
import { EffectApplier, type ProjectedChange } from './effect-applier.ts';
import { silentLogger, type EngineLogger } from './engine-logger.ts';
import { failure, rejected, type EngineResult, type StaleTimer } from './engine-outcome.ts';
import type { NotificationPort, TimerPort, TimerRequest } from './engine-ports.ts';
import { plainJson, SYSTEM_ACTOR, type EngineActor, type InstanceEventBody } from './instance-event.ts';
import { InstanceLoader, type LoadedInstance } from './instance-loader.ts';
import { InstanceProjections, type InstanceDocument } from './instance-projection.ts';
import { applyClockEffects } from './instance-time.ts';
import { ProcessRegistry } from './process-registry.ts';
import { ProjectionCache } from './projection-cache.ts';

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
  /** Where what the engine survives is reported (default: nowhere). */
  logger?: EngineLogger;
}

/** Refusals that mean a timer's moment has passed (its state was left, its clock changed): a no-op. */
const STALE_TIMER_CODES: readonly string[] = [
  'TIMER_NOT_OPEN',
  'INSTANCE_DONE',
  'EVENT_NOT_ALLOWED',
  'GUARD_FAILED',
  'NOT_FOUND',
];

const stale = (): StaleTimer => ({ ok: true, stale: true });

/**
 * Runs instances of published definitions over MongoDB. Every change goes through one commit
 * path (see {@link CommitPath}): one event appended to the instance's log, then its effects
 * applied with deterministic ids, so a crash and retry never duplicates them, and the
 * `instances` projection brought up to the log (see {@link InstanceLoader} for repairs).
 */
export class InstanceEngine {
  readonly definitions: DefinitionStore;
  readonly registry: ProcessRegistry;
  readonly projections: InstanceProjections;
  readonly #loader: InstanceLoader;
  readonly #commits: CommitPath;

  private constructor(
    readonly log: EventLog,
    db: Db,
    private readonly options: EngineOptions,
  ) {
    this.definitions = new DefinitionStore(db);
    this.registry = new ProcessRegistry(this.definitions);
    this.projections = new InstanceProjections(db);
    const recent = new ProjectionCache(options.projectionCacheSize);
    const effects = new EffectApplier({
      timers: options.timers,
      notifications: options.notifications,
      projections: this.projections,
      recent,
      logger: options.logger ?? silentLogger,
      onProjected: options.onProjected,
      startLinked: (processKey, data, instanceId) =>
        this.start(processKey, data, { id: SYSTEM_ACTOR, roles: [] }, { instanceId, idempotencyKey: 'start' }),
    });
    this.#loader = new InstanceLoader({ log, projections: this.projections, registry: this.registry, recent, effects });
    this.#commits = new CommitPath({
      log,
      loader: this.#loader,
      effects,
      maxAttempts: options.maxAttempts,
      logger: options.logger ?? silentLogger,
    });
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
    const head = emptyHead(instanceId);
    const idempotencyKey = opts.idempotencyKey ?? 'start';
    return this.#commits.commit({
      instanceId,
      prepare: async () => ({
        append: { head, body, actor: actor.id, at, idempotencyKey, compiled, previousClocks: {}, createdAt: at },
      }),
      raceLost: failure('CONFLICT', { instanceId }),
    });
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
    return recorded ? this.#loader.replay(recorded) : result;
  }

  private attemptSend(
    instanceId: string,
    input: SendInput,
    actor: EngineActor | null,
    opts: SendOptions,
  ): Promise<EngineResult> {
    const { expectedSeq, idempotencyKey } = opts;
    return this.#commits.commit<EngineResult>({
      instanceId,
      prepare: async (hint) => {
        let loaded = await this.#loader.load(instanceId, hint);
        if (!loaded) return { answer: failure('NOT_FOUND', { instanceId }) };
        // A projection that lags must not turn a current caller away: check against the log.
        if (expectedSeq !== undefined && loaded.head.seq !== expectedSeq && !hint) {
          loaded = await this.#loader.load(instanceId, undefined, true);
          if (!loaded) return { answer: failure('NOT_FOUND', { instanceId }) };
        }
        if (expectedSeq !== undefined && loaded.head.seq !== expectedSeq) {
          return { answer: failure('CONFLICT', { instanceId, expectedSeq, currentSeq: loaded.head.seq }) };
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
        if (!result.ok) return { answer: rejected(result) };
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
        return { append: this.pendingAfter(loaded, next, actor?.id ?? SYSTEM_ACTOR, at, idempotencyKey) };
      },
      ...(expectedSeq !== undefined ? { raceLost: failure('CONFLICT', { instanceId, expectedSeq }) } : {}),
      exhausted: (attempts) => failure('CONFLICT', { instanceId, attempts }),
    });
  }

  /**
   * Fires a due timer. State timers send their event as the system, keyed by the timer id so a
   * timer fired by two processes, or twice after a crash, is recorded once. A timer that is no
   * longer open (its state was left, its clock changed) fires as a harmless no-op.
   */
  async fireTimer(timer: TimerRequest): Promise<EngineResult | StaleTimer> {
    const idempotencyKey = `timer:${timer.id}`;
    const { instanceId } = timer;
    if (timer.kind === 'state') {
      if (!timer.event || !timer.key) return stale();
      const result = await this.send(instanceId, { type: timer.event, timer: timer.key }, null, { idempotencyKey });
      return !result.ok && STALE_TIMER_CODES.includes(result.code) ? stale() : result;
    }
    // A repeat firing appends with the same key and gets the recorded event back (`duplicate`).
    return this.#commits.commit<EngineResult | StaleTimer>({
      instanceId,
      prepare: async (hint) => {
        const loaded = await this.#loader.load(instanceId, hint);
        const clock = timer.clock ? loaded?.body.clocks[timer.clock] : undefined;
        if (!loaded || !clock || clock.status !== 'running' || clock.generation !== timer.generation)
          return { answer: stale() };
        const spec = loaded.compiled.definition.clocks.find((c) => c.id === timer.clock);
        const event = timer.kind === 'clock-breach' ? spec?.breachEvent : spec?.warningEvent;
        // A definition that handles the clock event steps on it; otherwise the moment is recorded.
        if (event && loaded.compiled.outgoing.get(loaded.body.state.state)?.has(event)) {
          const result = await this.send(instanceId, { type: event }, null, { idempotencyKey });
          return { answer: !result.ok && result.code !== 'CONFLICT' ? stale() : result };
        }
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
        return { append: this.pendingAfter(loaded, body, SYSTEM_ACTOR, this.options.clock.now(), idempotencyKey) };
      },
    });
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
    if (recorded) return this.#loader.replay(recorded);
    const loaded = await this.#loader.load(instanceId);
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
    const pending = { ...this.pendingAfter(loaded, body, actor.id, this.options.clock.now(), key), compiled: target };
    return this.#commits.commit({
      instanceId,
      prepare: async () => ({ append: pending }),
      raceLost: failure('CONFLICT', { instanceId }),
    });
  }

  /**
   * Loads an instance from its log (the last event holds its whole state). When the projection
   * lags the log — a crash between append and effects — the missing effects are applied first.
   */
  load(instanceId: string, hint?: LogHead, verifyHead = false): Promise<LoadedInstance | null> {
    return this.#loader.load(instanceId, hint, verifyHead);
  }

  /** The projection of an instance, repaired from the log when it lags. */
  async instance(instanceId: string): Promise<InstanceDocument | null> {
    const loaded = await this.#loader.load(instanceId, undefined, true);
    return loaded ? this.projections.get(instanceId) : null;
  }

  /** The event `body` to append after a loaded instance's head, its effects applied under its process. */
  private pendingAfter(
    loaded: LoadedInstance,
    body: InstanceEventBody,
    actor: string,
    at: Date,
    idempotencyKey: string | undefined,
  ): PendingEvent {
    const { head, compiled, createdAt } = loaded;
    return { head, body, actor, at, idempotencyKey, compiled, previousClocks: loaded.body.clocks, createdAt };
  }
}
