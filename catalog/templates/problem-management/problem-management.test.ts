import { describe, expect, it } from 'vitest';
import {
  availableEvents,
  initialState,
  step,
  type Actor,
  type EffectRecord,
  type InstanceState,
} from '@clauseflow/definition';
import { checkShipped, expectClaimsPass, ok, templateScenario } from '../../src/templates/shipped-templates.ts';

const { template, compiled, send, requirements } = templateScenario('problem-management/definition.json', '8.6.3');
const requester: Actor = { id: 'rita', roles: ['requester'] };
const analyst: Actor = { id: 'alan', roles: ['agent'] };
const manager: Actor = { id: 'pia', roles: ['problem-manager'] };

/** Fires the open timer `timer` of the instance, as the runtime does when it is due. */
async function fire(state: InstanceState, timer: string) {
  const open = state.timers.find((t) => t.timer === timer);
  if (!open) throw new Error(`no open timer ${timer}`);
  return ok(await step(compiled, state, { type: open.event, timer: open.key }));
}

async function raised() {
  return ok(
    await initialState(
      compiled,
      {
        title: 'Payroll logins fail every Monday',
        description: 'Five incidents in a month.',
        source: 'incident-trend',
      },
      { actor: requester, at: '2026-11-30T10:00:00.000Z' },
    ),
  );
}

async function investigating() {
  const r0 = await raised();
  return send(r0.state, 'accept', manager, { category: 'software', impact: 'high', urgency: 'medium' });
}

async function knownError() {
  const r1 = await investigating();
  return send(r1.state, 'record-known-error', analyst, {
    rootCause: 'The session cache fills up over the weekend batch run.',
    preventiveActions: 'Size the cache for the batch run; alert at 80% full.',
    knownErrorDescription: 'Logins fail after the weekend batch when the session cache is full.',
    workaround: 'Flush the session cache before 08:00 on Mondays.',
  });
}

const RESOLVE = { resolution: 'Cache resized by change CHG-12.', closureCode: 'permanently-fixed' };

describe('the shipped problem template: conformance', () => {
  it('given the template, then its process area is problem management and it claims every process requirement of clause 8.6.3', () => {
    expect(template.tags).toEqual(['problem-management']);
    expect(requirements.length).toBe(12);
    expect([...(template.claims ?? [])].sort()).toEqual([...requirements].sort());
  });

  it('given the template, when checked, then every claim passes and none fails', () => {
    expectClaimsPass(checkShipped(template), requirements);
  });

  it('given every requirement its process area makes applicable, when checked, then none fails', () => {
    const result = checkShipped(template, { scope: 'applicable' });
    expect(result.verdicts.filter((v) => v.status === 'fail').map((v) => v.requirement)).toEqual([]);
  });
});

describe('the shipped problem template: behaviour on step()', () => {
  it('given a raised problem, when started, then it waits in new for the problem manager and escalates by itself if left unclassified', async () => {
    const r0 = await raised();
    expect(r0.state).toMatchObject({ state: 'new', status: 'active', requester: 'rita' });
    expect(r0.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'problem-manager' }));
    expect(r0.state.timers).toContainEqual(
      expect.objectContaining({ timer: 'triage-overdue', event: 'escalate-overdue', after: 'P2D', time: 'business' }),
    );
    const r1 = await fire(r0.state, 'triage-overdue');
    expect(r1.state).toMatchObject({ state: 'new', data: { escalated: true } });
    expect(r1.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'problem-manager' }));
  });

  it('given the happy path, when the problem is classified, becomes a known error, is fixed by a change and its fix is reviewed, then it closes', async () => {
    const r1 = await investigating();
    expect(r1.state).toMatchObject({ state: 'investigation', assignee: { role: 'agent' } });
    expect(r1.state.data).toMatchObject({ category: 'software', priority: 'P2' });

    const r2 = await knownError();
    expect(r2.state.state).toBe('known-error');
    expect(r2.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'agent' }));
    expect(r2.state.timers).toContainEqual(
      expect.objectContaining({ timer: 'trend-review', event: 'trend-review-due', repeat: true }),
    );

    // The periodic incident-trend review stays in the state and re-arms itself.
    const r3 = await fire(r2.state, 'trend-review');
    expect(r3.state.state).toBe('known-error');
    expect(r3.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'problem-manager' }));
    expect(r3.state.timers.filter((t) => t.timer === 'trend-review')).toHaveLength(1);

    const r4 = await send(r3.state, 'request-change', manager, { changeSummary: 'Resize the session cache.' });
    expect(r4.state.state).toBe('change-requested');
    expect(r4.effects).toContainEqual({
      type: 'createLinkedRecord',
      process: 'change-management',
      link: 'problem-fix',
      data: { title: 'Payroll logins fail every Monday', description: 'Resize the session cache.' },
    });
    expect(r4.state.timers.some((t) => t.timer === 'trend-review')).toBe(false);

    const r5 = await send(r4.state, 'resolve', manager, RESOLVE);
    expect(r5.state.state).toBe('resolved');
    expect(r5.state.timers).toContainEqual(
      expect.objectContaining({ timer: 'effectiveness-check', event: 'effectiveness-review-due', repeat: true }),
    );
    const r6 = await fire(r5.state, 'effectiveness-check');
    expect(r6.state.state).toBe('resolved');
    expect(r6.state.timers.filter((t) => t.timer === 'effectiveness-check')).toHaveLength(1);

    const r7 = await send(r6.state, 'close', manager, { effectivenessReview: 'No recurrence in 30 days.' });
    expect(r7.state).toMatchObject({ state: 'closed', status: 'done' });
    expect(r7.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'requester' }));
  });

  it('given a known error whose change was not made, then it goes back to the known error, and can be resolved by accepting the workaround', async () => {
    const r1 = await knownError();
    const r2 = await send(r1.state, 'request-change', manager, { changeSummary: 'Replace the cache product.' });
    const r3 = await send(r2.state, 'change-rejected', manager, {
      changeOutcome: 'Rejected by the CAB: too costly.',
      workaround: 'Flush the session cache before 08:00 on Mondays.',
    });
    expect(r3.state.state).toBe('known-error');
    const r4 = await send(r3.state, 'resolve', manager, {
      resolution: 'The Monday flush is scripted and kept as the permanent measure.',
      closureCode: 'workaround-accepted',
    });
    expect(r4.state.state).toBe('resolved');
  });

  it('given a resolved problem whose incidents recur, when the problem manager reopens it, then its root cause is investigated again', async () => {
    const r1 = await knownError();
    const r2 = await send(r1.state, 'resolve', manager, RESOLVE);
    const r3 = await send(r2.state, 'reopen', manager, { reopenReason: 'Logins failed again on Monday.' });
    expect(r3.state).toMatchObject({ state: 'investigation', assignee: { role: 'agent' } });
    expect(r3.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'agent' }));
    expect(r3.state.timers.some((t) => t.timer === 'effectiveness-check')).toBe(false);
  });

  it('given a problem analyst, then only the problem manager may classify, request changes and close', async () => {
    const r0 = await raised();
    const refused = await step(compiled, r0.state, {
      type: 'accept',
      actor: analyst,
      data: { category: 'software', impact: 'low', urgency: 'low' },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.rejection.code).toBe('ACTOR_NOT_ALLOWED');
    const known = (await knownError()).state;
    expect(availableEvents(compiled, known, analyst).map((e) => e.event)).not.toContain('request-change');
    expect(availableEvents(compiled, known, manager).map((e) => e.event)).toContain('request-change');
  });

  it('given every open state, then escalation is offered there, with a form', async () => {
    const known = (await knownError()).state;
    const states = {
      new: (await raised()).state,
      investigation: (await investigating()).state,
      'known-error': known,
      'change-requested': (await send(known, 'request-change', manager, { changeSummary: 'Resize.' })).state,
    };
    const open = template.states.filter((s) => s.tags?.includes('open')).map((s) => s.id);
    expect(Object.keys(states).sort()).toEqual([...open].sort());
    for (const [id, state] of Object.entries(states)) {
      expect(state.state).toBe(id);
      const escalate = availableEvents(compiled, state, analyst).find((e) => e.event === 'escalate');
      expect(escalate?.transitions[0], id).toMatchObject({ form: 'escalate' });
    }
  });
});

describe('the shipped problem template: forms', () => {
  it('given the record-known-error form, when the root cause, prevention, known error or workaround is missing, then it does not validate', () => {
    const form = compiled.forms.get('record-known-error')!;
    const full = { rootCause: 'r', preventiveActions: 'p', knownErrorDescription: 'k', workaround: 'w' };
    expect(form.validate(full).valid).toBe(true);
    for (const key of Object.keys(full)) {
      const { [key]: _dropped, ...rest } = full as Record<string, string>;
      expect(form.validate(rest).valid, key).toBe(false);
    }
  });

  it('given the start form, then a title alone is enough and nothing outside the form is accepted', () => {
    const raise = compiled.forms.get(template.startForm!)!;
    expect(raise.validate({ title: 'Slow reports' }).valid).toBe(true);
    expect(raise.validate({ description: 'No title' }).valid).toBe(false);
    expect(raise.validate({ title: 'x', rootCause: 'guessed' }).valid).toBe(false);
  });
});

describe('the incident template raising a problem', () => {
  const incident = templateScenario('incident/definition.json', '8.6.1').compiled;
  const requesterOfIncident: Actor = { id: 'rita', roles: ['requester'] };
  const agent: Actor = { id: 'alan', roles: ['agent'] };
  const incidentManager: Actor = { id: 'mona', roles: ['incident-manager'] };

  async function majorIncidentResolved(title: string, description?: string): Promise<EffectRecord[]> {
    const r0 = ok(
      await initialState(
        incident,
        { title, ...(description === undefined ? {} : { description }), impact: 'high', urgency: 'high' },
        { actor: requesterOfIncident, at: '2026-11-30T10:00:00.000Z' },
      ),
    );
    const r1 = ok(await step(incident, r0.state, { type: 'accept', actor: agent, data: { category: 'network' } }));
    expect(r1.state.state).toBe('major-incident');
    const r2 = ok(
      await step(incident, r1.state, {
        type: 'resolve',
        actor: incidentManager,
        data: { resolution: 'Failed over', closureCode: 'workaround' },
      }),
    );
    return r2.effects;
  }

  it('given a resolved major incident, then its linked record names the problem process area and its data passes the problem start form', async () => {
    const effects = await majorIncidentResolved('Core switch down', 'Both data centres lost the network.');
    const linked = effects.find((e) => e.type === 'createLinkedRecord');
    expect(linked).toMatchObject({ process: 'problem-management' });
    if (linked?.type !== 'createLinkedRecord') throw new Error('no linked record');
    // The runtime starts the linked record in the process of that key: a process tailored from this template.
    expect(template.tags).toContain(linked.process);
    expect(compiled.forms.get(template.startForm!)!.validate(linked.data)).toEqual({ valid: true });
    const started = ok(await initialState(compiled, linked.data, { at: '2026-11-30T12:00:00.000Z' }));
    expect(started.state).toMatchObject({ state: 'new', data: linked.data });
  });

  it('given a major incident with no description and one with the longest title and description it accepts, then the problem start form accepts both', async () => {
    const raise = compiled.forms.get(template.startForm!)!;
    for (const [title, description] of [
      ['No description', undefined],
      ['t'.repeat(200), 'd'.repeat(10000)],
    ] as const) {
      const linked = (await majorIncidentResolved(title, description)).find((e) => e.type === 'createLinkedRecord');
      if (linked?.type !== 'createLinkedRecord') throw new Error('no linked record');
      expect(raise.validate(linked.data), title.slice(0, 20)).toEqual({ valid: true });
    }
  });
});
