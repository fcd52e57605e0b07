import { transition as xstateTransition } from 'xstate';
import type { Effect, Timer } from '../format/effect.ts';
import type { Transition } from '../format/transition.ts';
import { clockAction, clockTarget } from './clocks.ts';
import type { CompiledProcess } from './compile.ts';
import { evaluateDecision, outputFields } from './decision-table.ts';
import type { EffectRecord } from './effects.ts';
import type { InstanceState, ProcessEvent } from './instance-state.ts';
import { jsonEqual } from './json.ts';
import type { MarkerParams } from './machine.ts';
import { ownFacts, setOwn } from './resolve-path.ts';
import { evaluateRuleSet } from './rule-set.ts';
import { machineSnapshot } from './snapshot.ts';
import type { DecisionCause, TraceEntry } from './trace.ts';

/** How often derived data may feed further derivations within one settle. */
const MAX_SETTLE_ROUNDS = 10;

/** The working state of one step: a private copy of the instance, the effects and the trace so far. */
export class StepContext {
  readonly effects: EffectRecord[] = [];
  readonly trace: TraceEntry[] = [];
  /** Fields changed since the last settle. */
  dirty = new Set<string>();
  /** Clocks paused by a state left during this step: resumed unless the next state holds them. */
  readonly resumeCandidates = new Set<string>();
  /** Clocks started in this step (their start effect already carries the target). */
  readonly started = new Set<string>();

  constructor(
    readonly compiled: CompiledProcess,
    readonly s: InstanceState,
    readonly extraFacts: Record<string, unknown>,
    readonly event: ProcessEvent | undefined,
  ) {}

  facts(): Record<string, unknown> {
    return ownFacts(this.extraFacts, this.s.data);
  }

  /** Writes a record field; lists a `setField` effect (always for explicit effects, else only on change). */
  writeField(field: string, value: unknown, source: 'effect' | 'decision' | 'ruleSet' | 'event'): void {
    const changed = !Object.hasOwn(this.s.data, field) || !jsonEqual(this.s.data[field], value);
    if (changed) {
      setOwn(this.s.data, field, value);
      this.dirty.add(field);
    }
    if (changed || source === 'effect') this.effects.push({ type: 'setField', field, value, source });
  }

  /** Evaluates one decision and writes its outputs to their fields. */
  async runDecision(id: string, cause: DecisionCause): Promise<void> {
    const decision = this.compiled.decisions.get(id);
    if (!decision) return;
    const trace = await evaluateDecision(decision, this.facts(), cause);
    this.trace.push(trace);
    this.s.decisions[id] = trace.outputs;
    for (const [field, value] of Object.entries(outputFields(decision.table, trace.outputs))) {
      this.writeField(field, value, 'decision');
    }
  }

  async runRuleSet(id: string, cause: DecisionCause): Promise<void> {
    const ruleSet = this.compiled.ruleSets.get(id);
    if (!ruleSet) return;
    const trace = await evaluateRuleSet(ruleSet, this.facts(), cause);
    this.trace.push(trace);
    this.s.ruleEvents[id] = trace.events;
    for (const [field, value] of Object.entries(trace.set)) this.writeField(field, value, 'ruleSet');
  }

  /**
   * Re-evaluates the change-triggered decisions and the rule sets whose inputs changed (or that
   * were never evaluated), until derived data stops changing.
   */
  async settle(): Promise<void> {
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      const changed = this.dirty;
      this.dirty = new Set();
      for (const [id, d] of this.compiled.decisions) {
        if (d.table.trigger !== 'change') continue;
        const fresh = !Object.hasOwn(this.s.decisions, id);
        if (fresh || d.inputFields.some((f) => changed.has(f))) await this.runDecision(id, fresh ? 'start' : 'change');
      }
      for (const [id, r] of this.compiled.ruleSets) {
        const fresh = !Object.hasOwn(this.s.ruleEvents, id);
        if (fresh || [...r.engine.facts].some((f) => changed.has(f)))
          await this.runRuleSet(id, fresh ? 'start' : 'change');
      }
      if (this.dirty.size === 0) return;
    }
  }

  /** Evaluates a transition's guard (recording it in the trace). */
  async guardHolds(t: Transition): Promise<boolean> {
    const guard = t.guard;
    if (!guard) return true;
    if ('decision' in guard) {
      if (!Object.hasOwn(this.s.decisions, guard.decision)) await this.runDecision(guard.decision, 'guard');
      const actual = this.s.decisions[guard.decision]?.[guard.output];
      const result = jsonEqual(actual, guard.equals);
      this.trace.push({ kind: 'guard', transition: t.id, guard, result, actual: actual ?? null });
      return result;
    }
    if ('ruleSet' in guard) {
      if (!Object.hasOwn(this.s.ruleEvents, guard.ruleSet)) await this.runRuleSet(guard.ruleSet, 'guard');
      const actual = this.s.ruleEvents[guard.ruleSet] ?? [];
      const result = actual.includes(guard.event);
      this.trace.push({ kind: 'guard', transition: t.id, guard, result, actual });
      return result;
    }
    const engine = this.compiled.conditionGuards.get(t.id);
    if (!engine) return false;
    const run = await engine.run(this.facts());
    const [rule] = run.rules;
    const result = run.matched.has(t.id);
    this.trace.push({
      kind: 'guard',
      transition: t.id,
      guard,
      result,
      ...(rule ? { conditions: rule.conditions } : {}),
    });
    return result;
  }

  /** Steps the machine with the transitions found enabled, then interprets the markers it returns. */
  async fire(event: string, enabled: readonly string[], automatic: boolean): Promise<void> {
    const { machine } = this.compiled;
    const [next, actions] = xstateTransition(machine, machineSnapshot(this.compiled, this.s.state), {
      type: event,
      enabled,
    });
    for (const action of actions) {
      if (action.type !== 'marker') continue;
      await this.marker(action.params, event, automatic);
    }
    this.s.state = String(next.value);
    if (next.status === 'done') this.s.status = 'done';
    this.resumeHeldClocks();
    await this.settle();
  }

  async marker(params: MarkerParams, event: string, automatic: boolean): Promise<void> {
    if (params.kind === 'exit') return this.exit(params.state);
    if (params.kind === 'enter') return this.enter(params.state);
    const t = this.compiled.transitions.get(params.transition);
    if (!t) return;
    this.trace.push({ kind: 'transition', transition: t.id, event, from: t.from, to: t.to, automatic });
    for (const effect of t.effects ?? []) await this.apply(effect);
  }

  /** Leaving a state cancels its timers and its approval, and lets go of the clocks it paused. */
  exit(stateId: string): void {
    for (const timer of this.s.timers.filter((x) => x.state === stateId)) {
      this.effects.push({ type: 'cancelTimer', key: timer.key, timer: timer.timer });
    }
    this.s.timers = this.s.timers.filter((x) => x.state !== stateId);
    if (this.s.approval?.state === stateId) delete this.s.approval;
    for (const [clock, holder] of Object.entries(this.s.pausedBy)) {
      if (holder !== stateId) continue;
      delete this.s.pausedBy[clock];
      this.resumeCandidates.add(clock);
    }
  }

  /** Entering a state: clock actions, entry effects, timers, approval. */
  async enter(stateId: string): Promise<void> {
    const state = this.compiled.states.get(stateId);
    this.s.state = stateId;
    if (!state) return;
    for (const action of state.clocks ?? []) {
      if (action.action === 'pause') this.s.pausedBy[action.clock] = stateId;
      if (action.action !== 'start') this.resumeCandidates.delete(action.clock);
      this.clock(action.clock, action.action);
    }
    for (const effect of state.onEntry ?? []) await this.apply(effect);
    for (const timer of state.timers ?? []) this.schedule(stateId, timer);
    if (state.approval) {
      this.s.approval = { state: stateId, votes: [] };
      const { approvers, policy, quorum } = state.approval;
      this.effects.push({ type: 'requestApproval', state: stateId, approvers, policy, ...(quorum ? { quorum } : {}) });
    }
  }

  clock(id: string, action: 'start' | 'pause' | 'stop'): void {
    const clock = this.compiled.clocks.get(id);
    if (!clock) return;
    const effect = clockAction(clock, action, this.s);
    if (effect) this.effects.push(effect);
    if (effect?.type === 'startClock') this.started.add(id);
  }

  resumeHeldClocks(): void {
    for (const clock of this.resumeCandidates) if (this.s.clocks[clock] === 'paused') this.clock(clock, 'start');
    this.resumeCandidates.clear();
  }

  schedule(stateId: string, timer: Timer): void {
    const deadline = timer.deadlineField === undefined ? undefined : (this.s.data[timer.deadlineField] ?? null);
    const open = {
      key: `${timer.id}@${this.s.step}`,
      timer: timer.id,
      state: stateId,
      event: timer.event,
      ...(timer.after === undefined ? {} : { after: timer.after }),
      ...(timer.deadlineField === undefined ? {} : { deadline }),
      time: timer.time,
      ...(timer.calendar === undefined ? {} : { calendar: timer.calendar }),
      repeat: timer.repeat === true,
    };
    this.s.timers = [...this.s.timers.filter((x) => x.key !== open.key), open];
    this.effects.push({ type: 'scheduleTimer', ...open });
  }

  /** Applies one effect of the definition's closed vocabulary. */
  async apply(effect: Effect): Promise<void> {
    switch (effect.type) {
      case 'setField': {
        const from = effect.from;
        let value: unknown;
        if ('value' in from) value = from.value;
        else if ('field' in from) value = Object.hasOwn(this.s.data, from.field) ? this.s.data[from.field] : null;
        else if ('decision' in from) {
          if (!Object.hasOwn(this.s.decisions, from.decision)) await this.runDecision(from.decision, 'explicit');
          value = this.s.decisions[from.decision]?.[from.output] ?? null;
        } else if ('now' in from) value = this.event?.at;
        else value = this.event?.actor?.id;
        if (value === undefined) {
          this.trace.push({
            kind: 'note',
            code: 'EFFECT_SKIPPED',
            params: { effect: 'setField', field: effect.field },
          });
          return;
        }
        return this.writeField(effect.field, value, 'effect');
      }
      case 'assign':
        this.s.assignee = {
          ...(effect.role ? { role: effect.role } : {}),
          ...(effect.user ? { user: effect.user } : {}),
        };
        this.effects.push({ type: 'assign', ...this.s.assignee });
        return;
      case 'startClock':
        return this.clock(effect.clock, 'start');
      case 'pauseClock':
        return this.clock(effect.clock, 'pause');
      case 'stopClock':
        return this.clock(effect.clock, 'stop');
      case 'scheduleTimer': {
        const found = this.compiled.timers.get(effect.timer);
        if (found) this.schedule(found.state, found.timer);
        return;
      }
      case 'cancelTimer':
        for (const timer of this.s.timers.filter((x) => x.timer === effect.timer)) {
          this.effects.push({ type: 'cancelTimer', key: timer.key, timer: timer.timer });
        }
        this.s.timers = this.s.timers.filter((x) => x.timer !== effect.timer);
        return;
      case 'notify':
        this.effects.push({ type: 'notify', role: effect.role, message: effect.message });
        return;
      case 'createLinkedRecord': {
        const data: Record<string, unknown> = {};
        for (const [target, source] of Object.entries(effect.copy ?? {})) {
          if (Object.hasOwn(this.s.data, source)) setOwn(data, target, this.s.data[source]);
        }
        this.effects.push({ type: 'createLinkedRecord', process: effect.process, link: effect.link, data });
        return;
      }
      case 'appendWorkNote':
        this.s.workNotes.push({
          text: effect.text,
          step: this.s.step,
          ...(this.event?.at ? { at: this.event.at } : {}),
          ...(this.event?.actor ? { actor: this.event.actor.id } : {}),
        });
        this.effects.push({ type: 'appendWorkNote', text: effect.text });
        return;
      case 'evaluateDecision':
        return this.runDecision(effect.decision, 'explicit');
    }
  }

  /** Lists a target change for clocks that kept running while the data their target depends on changed. */
  retargetClocks(before: Record<string, unknown>): void {
    for (const [id, clock] of this.compiled.clocks) {
      const status = this.s.clocks[id];
      if (status === undefined || status === 'stopped' || this.started.has(id)) continue;
      const target = clockTarget(clock, this.s.data);
      if (target !== clockTarget(clock, before)) {
        this.effects.push({ type: 'retargetClock', clock: id, ...(target === undefined ? {} : { target }) });
      }
    }
  }
}
