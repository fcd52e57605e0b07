import { describe, expect, it } from 'vitest';
import { availableEvents, initialState, step, type Actor } from '@clauseflow/definition';
import { checkShipped, expectClaimsPass, ok, templateScenario } from '../../src/templates/shipped-templates.ts';

const { template, compiled, send, requirements } = templateScenario('incident/definition.json', '8.6.1');
const requester: Actor = { id: 'rita', roles: ['requester'] };
const agent: Actor = { id: 'alan', roles: ['agent'] };
const manager: Actor = { id: 'mona', roles: ['incident-manager'] };

async function reported(impact: string, urgency: string) {
  return ok(
    await initialState(
      compiled,
      { title: 'Payroll system down', description: 'Nobody can log in.', impact, urgency },
      { actor: requester, at: '2026-11-30T10:00:00.000Z' },
    ),
  );
}

async function accepted(impact: string, urgency: string) {
  const r0 = await reported(impact, urgency);
  return ok(await step(compiled, r0.state, { type: 'accept', actor: agent, data: { category: 'software' } }));
}

describe('the shipped incident template: conformance', () => {
  it('given the template, then it claims every process requirement of clause 8.6.1', () => {
    expect(requirements.length).toBe(11);
    expect(template.claims).toEqual(expect.arrayContaining(requirements));
  });

  it('given the template, when checked, then 8.6.1.a, 8.6.1.c, 8.6.1-7 and 8.7.3.3 pass with every other claim and none fails', () => {
    const named = ['8.6.1.a', '8.6.1.c', '8.6.1-7', '8.7.3.3-1', '8.7.3.3.a', '8.7.3.3.c', '8.7.3.3.d', '8.7.3.3.e'];
    expectClaimsPass(checkShipped(template), [...named, ...(template.claims ?? [])]);
  });

  it('given every requirement its process areas make applicable, then only those it does not claim fail, for want of what other processes hold', () => {
    const result = checkShipped(template, { scope: 'applicable' });
    const failing = result.verdicts.filter((v) => v.status === 'fail').map((v) => v.requirement);
    // Release review (8.5.3), trend analysis (8.6.3), and the security-specific prioritization,
    // analysis and reporting of 8.7.3.3 belong to other templates.
    expect(failing).toEqual(['8.5.3-10', '8.6.3-1', '8.7.3.3.b', '8.7.3.3-2', '8.7.3.3-3']);
    for (const id of failing) expect(template.claims).not.toContain(id);
  });
});

describe('the shipped incident template: behaviour on step()', () => {
  it('given a high-impact high-urgency report, when started, then it waits in new for classification and escalates by itself if nobody accepts it', async () => {
    const r0 = await reported('high', 'high');
    expect(r0.state.state).toBe('new');
    expect(r0.state.data).toMatchObject({ priority: 'P1', majorIncident: true });
    const timer = r0.state.timers.find((t) => t.timer === 'acceptance');
    expect(timer).toMatchObject({ event: 'escalate-overdue', after: 'PT30M', time: 'business' });

    const r1 = ok(await step(compiled, r0.state, { type: 'escalate-overdue', timer: timer!.key }));
    expect(r1.state.state).toBe('new');
    expect(r1.state.data['escalated']).toBe(true);
    expect(r1.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'incident-manager' }));
    // Escalating stays in the state: the resolution clock is not restarted.
    expect(r1.effects.some((e) => e.type === 'startClock')).toBe(false);
  });

  it('given a P1, when the agent classifies it, then it becomes a major incident run by the incident manager and top management is told', async () => {
    const r1 = await accepted('high', 'high');
    expect(r1.state.state).toBe('major-incident');
    expect(r1.state.data).toMatchObject({ category: 'software', majorIncident: true });
    expect(r1.state.assignee).toEqual({ role: 'incident-manager' });
    expect(r1.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'top-management' }));
    expect(r1.state.timers.some((t) => t.timer === 'acceptance')).toBe(false);
  });

  it('given a major incident, when escalated then resolved, then top management hears of it and a problem record is raised for its review', async () => {
    const r1 = await accepted('high', 'high');
    const r2 = await send(r1.state, 'escalate', manager, { escalationReason: 'Second data centre affected' });
    expect(r2.state.state).toBe('major-incident');
    expect(r2.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'top-management' }));

    const r3 = await send(r2.state, 'resolve', manager, { resolution: 'Failed over', closureCode: 'workaround' });
    expect(r3.state.state).toBe('resolved');
    expect(r3.effects).toContainEqual({
      type: 'createLinkedRecord',
      process: 'problem-management',
      link: 'major-incident-review',
      data: { title: 'Payroll system down', description: 'Nobody can log in.' },
    });
  });

  it('given an ordinary incident waiting for the customer, when escalated, then it stays paused there and the incident manager is told', async () => {
    const r1 = await accepted('low', 'medium');
    expect(r1.state.state).toBe('in-progress');
    const r2 = await send(r1.state, 'await-customer', agent, { pendingInformation: 'Which browser?' });
    expect(r2.state.state).toBe('waiting-for-customer');
    expect(r2.state.clocks['resolution']).toBe('paused');
    expect(r2.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'requester' }));
    const r3 = await send(r2.state, 'escalate', agent, { escalationReason: 'Customer unreachable for days' });
    expect(r3.state).toMatchObject({ state: 'waiting-for-customer', data: { escalated: true } });
    expect(r3.state.clocks['resolution']).toBe('paused');
    expect(r3.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'incident-manager' }));
  });

  it('given every open state, then an agent is offered escalation there', async () => {
    const inProgress = (await accepted('low', 'low')).state;
    const states = {
      new: (await reported('low', 'low')).state,
      'in-progress': inProgress,
      'waiting-for-customer': (await send(inProgress, 'await-customer', agent, { pendingInformation: 'Logs' })).state,
      'major-incident': (await accepted('high', 'high')).state,
    };
    const open = template.states.filter((s) => s.tags?.includes('open')).map((s) => s.id);
    expect(Object.keys(states).sort()).toEqual([...open].sort());
    for (const [id, state] of Object.entries(states)) {
      expect(state.state).toBe(id);
      const escalate = availableEvents(compiled, state, id === 'major-incident' ? manager : agent).find(
        (e) => e.event === 'escalate',
      );
      expect(escalate?.transitions[0], id).toMatchObject({ form: 'escalate' });
    }
  });

  it('given a resolved incident, when the requester reopens it, then work resumes on a running resolution clock', async () => {
    const r1 = await accepted('medium', 'medium');
    const r2 = await send(r1.state, 'resolve', agent, { resolution: 'Cleared the cache', closureCode: 'solved' });
    expect(r2.state.clocks['resolution']).toBe('stopped');
    const r3 = await send(r2.state, 'reopen', requester, { reopenReason: 'It broke again' });
    expect(r3.state.state).toBe('in-progress');
    expect(r3.state.clocks['resolution']).toBe('running');
    const r4 = await send(r3.state, 'resolve', agent, { resolution: 'Replaced the disk', closureCode: 'solved' });
    const r5 = await send(r4.state, 'close', requester, { feedback: 'Thanks' });
    expect(r5.state).toMatchObject({ state: 'closed', status: 'done' });
  });
});

describe('the shipped incident template: forms', () => {
  it('given the triage form, when category is missing, then it does not validate; leaving new needs a classification', () => {
    const triage = compiled.forms.get('triage')!;
    expect(triage.validate({ impact: 'low', urgency: 'low' }).valid).toBe(false);
    expect(triage.validate({ impact: 'low', urgency: 'low', category: 'security' }).valid).toBe(true);
    const leaving = template.transitions.filter((t) => t.from === 'new' && t.to !== 'new');
    expect(leaving.map((t) => t.form)).toEqual(['triage']);
  });

  it('given the escalate form, when no reason is given, then it does not validate', () => {
    const escalate = compiled.forms.get('escalate')!;
    expect(escalate.validate({}).valid).toBe(false);
    expect(escalate.validate({ escalationReason: 'Customer is a hospital' }).valid).toBe(true);
  });
});
