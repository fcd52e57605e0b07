import { describe, expect, it } from 'vitest';
import incidentJson from '../../examples/incident.json';
import type { Definition } from '../format/definition.ts';
import { compile } from './compile.ts';
import { STEP_REJECTIONS } from './rejections.ts';
import type { DecisionTrace, GuardTrace } from './trace.ts';
import { machineSnapshot } from './snapshot.ts';
import { availableEvents, initialState, step, type StepResult } from './step.ts';

const compiled = compile(incidentJson as unknown as Definition);
const requester = { id: 'rita', roles: ['requester'] };
const agent = { id: 'alan', roles: ['agent'] };
const manager = { id: 'mona', roles: ['incident-manager'] };

function ok(result: StepResult): Extract<StepResult, { ok: true }> {
  if (!result.ok) throw new Error(`rejected: ${result.rejection.code}`);
  return result;
}

async function started(impact: string, urgency: string) {
  return ok(await initialState(compiled, { title: 'Mail is down', impact, urgency }, { actor: requester }));
}

describe('the incident example, stepped by step()', () => {
  it('given a low-impact high-urgency report, when started, then it is P3 in new with the resolution clock on a 24h target', async () => {
    const r = await started('low', 'high');
    expect(r.state.state).toBe('new');
    expect(r.state.data).toMatchObject({ priority: 'P3', majorIncident: false });
    expect(r.effects).toContainEqual(
      expect.objectContaining({ type: 'startClock', clock: 'resolution', target: 'PT24H' }),
    );
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'agent' }));
    const decision = r.trace.find((t): t is DecisionTrace => t.kind === 'decision');
    expect(decision).toMatchObject({
      decision: 'priority-matrix',
      matchedRows: ['r-low-high'],
      outputs: { priority: 'P3' },
    });
  });

  it('given a P3 incident, when accepted, resolved and closed, then it ends closed with its derived fields and effects', async () => {
    const r0 = await started('low', 'high');
    const r1 = ok(
      await step(compiled, r0.state, {
        type: 'accept',
        actor: agent,
        data: { category: 'software', impact: 'low', urgency: 'high' },
      }),
    );
    expect(r1.state.state).toBe('in-progress');
    expect(r1.state.assignee).toEqual({ role: 'agent' });
    expect(r1.state.data['priority']).toBe('P3');
    expect(r1.effects).toContainEqual(
      expect.objectContaining({
        type: 'scheduleTimer',
        key: 'escalation@1',
        event: 'escalate',
        after: 'PT2H',
        time: 'business',
      }),
    );
    // The explicit evaluateDecision effect of `accept` is traced.
    expect(r1.trace).toContainEqual(
      expect.objectContaining({ kind: 'decision', cause: 'explicit', matchedRows: ['r-low-high'] }),
    );

    const r2 = ok(
      await step(compiled, r1.state, {
        type: 'resolve',
        actor: agent,
        data: { resolution: 'Restarted the mail relay', closureCode: 'solved' },
      }),
    );
    expect(r2.state.state).toBe('resolved');
    expect(r2.effects).toContainEqual({ type: 'cancelTimer', key: 'escalation@1', timer: 'escalation' });
    expect(r2.effects).toContainEqual({ type: 'stopClock', clock: 'resolution' });
    expect(r2.state.clocks['resolution']).toBe('stopped');
    const autoClose = r2.state.timers.find((t) => t.timer === 'auto-close');
    expect(autoClose).toMatchObject({ event: 'close', after: 'P3D', time: 'calendar' });

    const r3 = ok(await step(compiled, r2.state, { type: 'close', actor: requester }));
    expect(r3.state).toMatchObject({ state: 'closed', status: 'done', timers: [] });
    expect(r3.effects).toContainEqual({ type: 'cancelTimer', key: autoClose?.key, timer: 'auto-close' });
    expect(r3.trace).toContainEqual(
      expect.objectContaining({ kind: 'transition', transition: 'close', from: 'resolved', to: 'closed' }),
    );
  });

  it('given an incident in progress, when its escalation timer fires, then escalated is set and the incident manager is notified', async () => {
    const r0 = await started('medium', 'medium');
    const r1 = ok(await step(compiled, r0.state, { type: 'accept', actor: agent, data: { category: 'network' } }));
    const timer = r1.state.timers.find((t) => t.timer === 'escalation');
    expect(timer).toBeDefined();
    const r2 = ok(await step(compiled, r1.state, { type: 'escalate', timer: timer?.key }));
    expect(r2.state.state).toBe('in-progress');
    expect(r2.state.data['escalated']).toBe(true);
    expect(r2.effects).toContainEqual({ type: 'setField', field: 'escalated', value: true, source: 'effect' });
    expect(r2.effects).toContainEqual({
      type: 'notify',
      role: 'incident-manager',
      message: { en: 'An incident was escalated.', zh: '有事件被升级。' },
    });
    // The timer fired: it is no longer open, and firing it again is refused.
    expect(r2.state.timers.some((t) => t.key === timer?.key)).toBe(false);
    const again = await step(compiled, r2.state, { type: 'escalate', timer: timer?.key });
    expect(again).toMatchObject({ ok: false, rejection: { code: 'TIMER_NOT_OPEN' } });
  });

  it('given an incident in progress, when impact and urgency become high, then P1 routes it automatically to major-incident and top management is notified', async () => {
    const r0 = await started('low', 'low');
    const r1 = ok(await step(compiled, r0.state, { type: 'accept', actor: agent, data: { category: 'hardware' } }));
    expect(r1.state.state).toBe('in-progress');
    const r2 = ok(
      await step(compiled, r1.state, { type: 'escalate', actor: manager, data: { impact: 'high', urgency: 'high' } }),
    );
    expect(r2.state.state).toBe('major-incident');
    expect(r2.state.data).toMatchObject({ priority: 'P1', majorIncident: true, escalated: true });
    expect(r2.state.assignee).toEqual({ role: 'incident-manager' });
    expect(r2.effects).toContainEqual({
      type: 'notify',
      role: 'top-management',
      message: { en: 'A major incident was declared.', zh: '已宣布重大事件。' },
    });
    expect(r2.effects).toContainEqual({ type: 'retargetClock', clock: 'resolution', target: 'PT4H' });
    expect(r2.trace).toContainEqual(
      expect.objectContaining({
        kind: 'transition',
        transition: 'declare-major-later',
        automatic: true,
        to: 'major-incident',
      }),
    );
    const guard = r2.trace.find((t): t is GuardTrace => t.kind === 'guard' && t.transition === 'declare-major-later');
    expect(guard).toMatchObject({ result: true, actual: true });

    // Why did this record go to P1? The decision's matched row and each condition's fact value.
    const decision = r2.trace.find((t): t is DecisionTrace => t.kind === 'decision' && t.outputs['priority'] === 'P1');
    expect(decision).toMatchObject({
      cause: 'change',
      matchedRows: ['r-high-high'],
      inputs: { impact: 'high', urgency: 'high' },
    });
    const row = decision?.rows.find((r) => r.rule === 'r-high-high');
    expect(row).toEqual({
      rule: 'r-high-high',
      matched: true,
      conditions: {
        kind: 'all',
        result: true,
        conditions: [
          { kind: 'fact', fact: 'impact', operator: 'equal', expected: 'high', actual: 'high', result: true },
          { kind: 'fact', fact: 'urgency', operator: 'equal', expected: 'high', actual: 'high', result: true },
        ],
      },
    });
    expect(decision?.rows.find((r) => r.rule === 'r-high-medium')?.matched).toBe(false);
  });

  it('given a high/high report, when started, then it goes straight from new to major-incident with no timer left behind', async () => {
    const r = await started('high', 'high');
    expect(r.state.state).toBe('major-incident');
    expect(r.trace).toContainEqual(
      expect.objectContaining({ kind: 'transition', transition: 'declare-major', automatic: true }),
    );
    expect(r.effects.filter((e) => e.type === 'notify').map((e) => (e.type === 'notify' ? e.role : ''))).toEqual([
      'agent',
      'top-management',
    ]);
  });

  it('given an incident waiting for the customer, when the customer replies, then the resolution clock pauses and resumes', async () => {
    const r0 = await started('low', 'high');
    const r1 = ok(await step(compiled, r0.state, { type: 'accept', actor: agent, data: { category: 'access' } }));
    const r2 = ok(await step(compiled, r1.state, { type: 'await-customer', actor: agent }));
    expect(r2.effects).toContainEqual({ type: 'pauseClock', clock: 'resolution' });
    expect(r2.effects).toContainEqual(expect.objectContaining({ type: 'cancelTimer', timer: 'escalation' }));
    expect(r2.state.clocks['resolution']).toBe('paused');
    const r3 = ok(await step(compiled, r2.state, { type: 'customer-replied', actor: requester }));
    expect(r3.state.clocks['resolution']).toBe('running');
    expect(r3.effects).toContainEqual(
      expect.objectContaining({ type: 'startClock', clock: 'resolution', resumed: true }),
    );
  });

  it('given any state, when an event is not allowed or the actor lacks the role, then a coded rejection comes back and the state is unchanged', async () => {
    const r0 = await started('low', 'high');
    const notAllowed = await step(compiled, r0.state, { type: 'close', actor: agent });
    expect(notAllowed).toMatchObject({ ok: false, rejection: { code: 'EVENT_NOT_ALLOWED' }, effects: [] });
    expect(notAllowed.state).toBe(r0.state);
    const wrongRole = await step(compiled, r0.state, { type: 'accept', actor: requester });
    expect(wrongRole).toMatchObject({
      ok: false,
      rejection: { code: 'ACTOR_NOT_ALLOWED', message: STEP_REJECTIONS.ACTOR_NOT_ALLOWED },
    });
    // Through a form, a field the form lacks is one of the form's problems (the record as it will be is checked).
    const notOnForm = await step(compiled, r0.state, { type: 'accept', actor: agent, data: { nonsense: 1 } });
    expect(notOnForm).toMatchObject({ ok: false, rejection: { code: 'DATA_INVALID', params: { event: 'accept' } } });
    const problems = notOnForm.ok ? [] : (notOnForm.rejection.params['problems'] as { path: string }[]);
    expect(problems.map((p) => p.path)).toContain('/nonsense');
    // Without a form, a field the record does not have is refused by name.
    const r1 = ok(await step(compiled, r0.state, { type: 'accept', actor: agent, data: { category: 'other' } }));
    const unknownField = await step(compiled, r1.state, {
      type: 'await-customer',
      actor: agent,
      data: { nonsense: 1 },
    });
    expect(unknownField).toMatchObject({
      ok: false,
      rejection: { code: 'UNKNOWN_FIELD', params: { fields: ['nonsense'] } },
    });
  });

  it('given an instance state, when it goes through JSON and back, then stepping it gives the same result and xstate restores it', async () => {
    const r0 = await started('medium', 'high');
    const r1 = ok(await step(compiled, r0.state, { type: 'accept', actor: agent, data: { category: 'other' } }));
    const restored = JSON.parse(JSON.stringify(r1.state)) as typeof r1.state;
    expect(restored).toEqual(r1.state);
    const snapshot = machineSnapshot(compiled, restored.state);
    expect(snapshot.value).toBe('in-progress');
    const a = await step(compiled, r1.state, { type: 'await-customer', actor: agent });
    const b = await step(compiled, restored, { type: 'await-customer', actor: agent });
    const roundTrip = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
    expect(roundTrip(b)).toEqual(roundTrip(a));
  });

  it('given a state, when listing available events, then only the manual transitions the actor may take are listed', async () => {
    const r0 = await started('low', 'high');
    const r1 = ok(await step(compiled, r0.state, { type: 'accept', actor: agent, data: { category: 'other' } }));
    const forAgent = availableEvents(compiled, r1.state, agent).map((e) => e.event);
    expect(forAgent).toEqual(['escalate', 'await-customer', 'resolve']);
    expect(forAgent).not.toContain('declare-major');
    expect(availableEvents(compiled, r1.state, requester)).toEqual([]);
    expect(availableEvents(compiled, r0.state, agent)).toEqual([
      {
        event: 'accept',
        transitions: [
          { id: 'accept', label: { en: 'Accept', zh: '受理' }, to: 'in-progress', form: 'triage', guarded: false },
        ],
      },
    ]);
  });

  it('given one compiled process, when many steps run concurrently, then each gets its own correct decision', async () => {
    const levels = ['high', 'medium', 'low'];
    const runs = await Promise.all(
      Array.from({ length: 60 }, (_, i) => started(levels[i % 3] ?? 'low', levels[Math.floor(i / 3) % 3] ?? 'low')),
    );
    for (const [i, r] of runs.entries()) {
      const impact = levels[i % 3];
      const urgency = levels[Math.floor(i / 3) % 3];
      const decision = r.trace.find((t): t is DecisionTrace => t.kind === 'decision');
      expect(decision?.matchedRows).toEqual([`r-${impact}-${urgency}`]);
    }
  });
});
