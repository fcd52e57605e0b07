import { initialTransition } from 'xstate';
import type { LocalizedText } from '../format/common.ts';
import type { Transition } from '../format/transition.ts';
import { isApprover, recordVote } from './approval.ts';
import { eventDataProblems, startDataProblems } from './event-data.ts';
import type { CompiledProcess } from './compile.ts';
import type { EffectRecord } from './effects.ts';
import { VOTE_EVENT, type Actor, type InstanceState, type ProcessEvent } from './instance-state.ts';
import { cloneJson } from './json.ts';
import { rejection, type StepRejection } from './rejections.ts';
import { StepContext } from './step-context.ts';
import type { TraceEntry } from './trace.ts';

/** How many automatic transitions one step may take (a guard loop must not spin forever). */
export const MAX_AUTOMATIC_TRANSITIONS = 20;

/**
 * The outcome of a step. On rejection the state is the input state, unchanged, and the trace
 * shows what was evaluated before the step was refused (e.g. failing guards).
 */
export type StepResult =
  | { ok: true; state: InstanceState; effects: EffectRecord[]; trace: TraceEntry[] }
  | { ok: false; state: InstanceState; effects: []; trace: TraceEntry[]; rejection: StepRejection };

/** Options for starting an instance. */
export interface StartOptions {
  actor?: Actor;
  at?: string;
  /** Extra facts rules may read (record fields win over them). */
  facts?: Record<string, unknown>;
}

/**
 * Starts an instance: writes the initial data, runs the change-triggered decisions, enters the
 * initial state (clocks, entry effects, timers) and takes any automatic transitions.
 */
export async function initialState(
  compiled: CompiledProcess,
  data: Record<string, unknown>,
  options: StartOptions = {},
): Promise<StepResult> {
  const { definition } = compiled;
  const s: InstanceState = {
    process: { key: definition.key, version: definition.version },
    state: definition.initialState,
    status: 'active',
    data: {},
    decisions: {},
    ruleEvents: {},
    timers: [],
    clocks: Object.fromEntries(definition.clocks.map((c) => [c.id, 'stopped' as const])),
    pausedBy: {},
    workNotes: [],
    step: 0,
    ...(options.actor ? { requester: options.actor.id } : {}),
  };
  const event: ProcessEvent = {
    type: 'start',
    ...(options.actor ? { actor: options.actor } : {}),
    ...(options.at ? { at: options.at } : {}),
  };
  const ctx = new StepContext(compiled, s, options.facts ?? {}, event);
  const problems = startDataProblems(compiled, data);
  if (problems) return refuse(compiled, s, ctx, rejection('DATA_INVALID', { problems }));
  const unknown = writeEventData(ctx, data);
  if (unknown) return refuse(compiled, s, ctx, unknown);
  await ctx.settle();
  const [snapshot, actions] = initialTransition(compiled.machine);
  for (const action of actions) if (action.type === 'marker') await ctx.marker(action.params, 'start', false);
  s.state = String(snapshot.value);
  if (snapshot.status === 'done') s.status = 'done';
  await ctx.settle();
  await takeAutomatic(ctx);
  return { ok: true, state: s, effects: netTimers(ctx.effects), trace: ctx.trace };
}

/**
 * Steps an instance by one event, purely: rules are evaluated first (async), then the machine is
 * stepped with xstate's `transition()`; then automatic transitions whose guards hold are taken.
 * A refused event comes back as a coded rejection, never as a throw.
 */
export async function step(
  compiled: CompiledProcess,
  state: InstanceState,
  event: ProcessEvent,
  facts: Record<string, unknown> = {},
): Promise<StepResult> {
  const s = cloneJson(state);
  s.step += 1;
  const ctx = new StepContext(compiled, s, facts, event);
  if (s.status === 'done') return refuse(compiled, state, ctx, rejection('INSTANCE_DONE', { state: s.state }));
  const before = cloneJson(s.data);

  let type = event.type;
  if (type === VOTE_EVENT) {
    const approval = compiled.states.get(s.state)?.approval;
    if (!approval) return refuse(compiled, state, ctx, rejection('NO_APPROVAL_PENDING', { state: s.state }));
    const voted = recordVote(approval, s, event);
    if ('code' in voted) return refuse(compiled, state, ctx, voted);
    const { vote } = voted;
    ctx.effects.push({ type: 'recordVote', state: s.state, ...vote });
    ctx.trace.push({ kind: 'note', code: 'VOTE_RECORDED', params: { ...vote } });
    if (!voted.outcome) return { ok: true, state: s, effects: ctx.effects, trace: ctx.trace };
    type = voted.outcome === 'approved' ? approval.approvedEvent : approval.rejectedEvent;
    ctx.trace.push({ kind: 'note', code: 'APPROVAL_DECIDED', params: { outcome: voted.outcome, event: type } });
    if (!compiled.outgoing.get(s.state)?.has(type))
      return { ok: true, state: s, effects: ctx.effects, trace: ctx.trace };
  }

  const candidates = compiled.outgoing.get(s.state)?.get(type) ?? [];
  if (candidates.length === 0)
    return refuse(compiled, state, ctx, rejection('EVENT_NOT_ALLOWED', { state: s.state, event: type }));
  // A decided approval raises its event as the system, not as the last voter.
  const actor = type === event.type ? event.actor : undefined;
  const permitted = candidates.filter((t) => actorMay(compiled, s, t, actor));
  if (permitted.length === 0) {
    return refuse(
      compiled,
      state,
      ctx,
      rejection('ACTOR_NOT_ALLOWED', { state: s.state, event: type, actor: actor?.id }),
    );
  }
  let firedTimer: InstanceState['timers'][number] | undefined;
  if (event.timer !== undefined) {
    firedTimer = s.timers.find((x) => x.key === event.timer);
    if (!firedTimer) return refuse(compiled, state, ctx, rejection('TIMER_NOT_OPEN', { timer: event.timer }));
    s.timers = s.timers.filter((x) => x.key !== event.timer);
  }
  // The form rule (event-data.ts): the record as it will be must satisfy the transition's form.
  const problems = eventDataProblems(compiled, s, event);
  if (problems) return refuse(compiled, state, ctx, rejection('DATA_INVALID', { event: type, problems }));
  const unknown = writeEventData(ctx, event.data ?? {});
  if (unknown) return refuse(compiled, state, ctx, unknown);
  await ctx.settle();

  const enabled: string[] = [];
  for (const t of permitted) if (await ctx.guardHolds(t)) enabled.push(t.id);
  if (enabled.length === 0)
    return refuse(compiled, state, ctx, rejection('GUARD_FAILED', { state: s.state, event: type }));
  const from = s.state;
  await ctx.fire(type, enabled, false);
  // A repeating timer re-arms while its state was not left.
  if (
    firedTimer?.repeat &&
    s.state === from &&
    !ctx.effects.some((e) => e.type === 'cancelTimer' && e.key === firedTimer.key)
  ) {
    const spec = compiled.timers.get(firedTimer.timer);
    if (spec && !s.timers.some((x) => x.timer === firedTimer.timer)) ctx.schedule(firedTimer.state, spec.timer);
  }
  await takeAutomatic(ctx);
  ctx.retargetClocks(before);
  return { ok: true, state: s, effects: netTimers(ctx.effects), trace: ctx.trace };
}

/** An action an actor may take now (for "available actions"). */
export interface AvailableEvent {
  event: string;
  transitions: { id: string; label: LocalizedText; to: string; form?: string; guarded: boolean }[];
}

/**
 * The events the actor (or, without one, anybody) may send in the instance's current state:
 * manual transitions the actor's roles permit, and a vote while an approval the actor may join is pending.
 * Guards are not evaluated here; `guarded` says a transition has one.
 */
export function availableEvents(compiled: CompiledProcess, state: InstanceState, actor?: Actor): AvailableEvent[] {
  if (state.status === 'done') return [];
  const out: AvailableEvent[] = [];
  const approval = compiled.states.get(state.state)?.approval;
  for (const [event, transitions] of compiled.outgoing.get(state.state) ?? []) {
    // An approval's outcome events are raised by the votes, not sent by people.
    if (event === approval?.approvedEvent || event === approval?.rejectedEvent) continue;
    const usable = transitions.filter((t) => !t.automatic && actorMay(compiled, state, t, actor));
    if (usable.length === 0) continue;
    out.push({
      event,
      transitions: usable.map((t) => ({
        id: t.id,
        label: t.label,
        to: t.to,
        ...(t.form ? { form: t.form } : {}),
        guarded: t.guard !== undefined,
      })),
    });
  }
  if (approval && state.approval && !state.approval.outcome && (!actor || isApprover(approval, actor))) {
    if (!actor || !state.approval.votes.some((v) => v.actor === actor.id))
      out.push({ event: VOTE_EVENT, transitions: [] });
  }
  return out;
}

/** May the actor trigger this transition? System events (no actor) always may; roles are the runtime's to verify. */
function actorMay(compiled: CompiledProcess, s: InstanceState, t: Transition, actor: Actor | undefined): boolean {
  if (!actor) return true;
  const roles = t.actors ?? compiled.states.get(t.from)?.actors;
  if (!roles) return true;
  if (roles.some((role) => actor.roles.includes(role))) return true;
  // The assignee may act in the state unless the transition names its actors.
  return t.actors === undefined && s.assignee?.user === actor.id;
}

function writeEventData(ctx: StepContext, data: Record<string, unknown>): StepRejection | undefined {
  const properties = ctx.compiled.definition.record.schema.properties;
  const unknown = Object.keys(data).filter((k) => !Object.hasOwn(properties, k));
  if (unknown.length > 0) return rejection('UNKNOWN_FIELD', { fields: unknown });
  for (const key of Object.keys(data)) ctx.writeField(key, cloneJson(data[key]), 'event');
  return undefined;
}

async function takeAutomatic(ctx: StepContext): Promise<void> {
  for (let i = 0; i < MAX_AUTOMATIC_TRANSITIONS; i++) {
    if (ctx.s.status === 'done') return;
    let taken: Transition | undefined;
    for (const t of ctx.compiled.automatic.get(ctx.s.state) ?? []) {
      if (await ctx.guardHolds(t)) {
        taken = t;
        break;
      }
    }
    if (!taken) return;
    await ctx.fire(taken.event, [taken.id], true);
  }
  ctx.trace.push({
    kind: 'note',
    code: 'AUTOMATIC_LIMIT_REACHED',
    params: { limit: MAX_AUTOMATIC_TRANSITIONS, state: ctx.s.state },
  });
}

function refuse(_compiled: CompiledProcess, state: InstanceState, ctx: StepContext, why: StepRejection): StepResult {
  return { ok: false, state, effects: [], trace: ctx.trace, rejection: why };
}

/** A timer scheduled and cancelled within the same step (a state passed through) never reaches the runtime. */
function netTimers(effects: EffectRecord[]): EffectRecord[] {
  const scheduled = new Set(effects.flatMap((e) => (e.type === 'scheduleTimer' ? [e.key] : [])));
  const transient = new Set(effects.flatMap((e) => (e.type === 'cancelTimer' && scheduled.has(e.key) ? [e.key] : [])));
  if (transient.size === 0) return effects;
  return effects.filter((e) => !((e.type === 'scheduleTimer' || e.type === 'cancelTimer') && transient.has(e.key)));
}
