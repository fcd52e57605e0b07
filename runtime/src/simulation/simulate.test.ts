import { describe, expect, it } from 'vitest';
import { compile, type Definition } from '@clauseflow/definition';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import { simulate, type SimulationInput } from './simulate.ts';

const compiled = compile(incident as unknown as Definition);
const agent = { id: 'ann', roles: ['agent'] };
const requester = { id: 'rob', roles: ['requester'] };

/** What an incident is raised with, and the category the agent accepts it under (same impact and urgency). */
interface Raised {
  title: string;
  category: string;
  impact: string;
  urgency: string;
}

/** An incident the requester raises at `startAt` and the agent accepts; then `then`. */
function simulateAccepted(startAt: string, { category, ...data }: Raised, then: SimulationInput[]) {
  const levels = { impact: data.impact, urgency: data.urgency };
  return simulate(compiled, {
    startAt,
    requester,
    data,
    events: [{ event: 'accept', actor: agent, data: { category, ...levels } }, ...then],
  });
}

describe('simulate (pure core, simulated business time)', () => {
  it('given a P1 incident raised Friday 17:00 on Mon–Fri 09:00–18:00, when time passes, then the 4-business-hour clock breaches Monday 12:00, not Friday 21:00', async () => {
    const frames = await simulate(compiled, {
      startAt: '2026-11-27T17:00:00Z',
      requester,
      data: { title: 'Mail down', impact: 'high', urgency: 'high' },
      events: [{ until: '2026-12-01T00:00:00Z' }],
    });
    expect(frames[0]).toMatchObject({ cause: 'start', state: 'major-incident' });
    expect(frames[0]?.data).toMatchObject({ priority: 'P1', majorIncident: true });
    const breach = frames.find((f) => f.cause === 'clock-breach');
    expect(breach?.at).toBe('2026-11-30T12:00:00.000Z');
    const warning = frames.find((f) => f.cause === 'clock-warning');
    expect(warning?.at).toBe('2026-11-30T11:00:00.000Z'); // 75 % of 4 h = 3 h
  });

  it('given a P2 incident paused while waiting for the customer, when it resumes, then the breach moves by the paused business time', async () => {
    const vpn = { title: 'VPN slow', category: 'network', impact: 'high', urgency: 'medium' };
    const frames = await simulateAccepted('2026-11-27T17:00:00Z', vpn, [
      { until: '2026-11-30T10:00:00Z', event: 'await-customer', actor: agent },
      { until: '2026-11-30T14:00:00Z', event: 'customer-replied', actor: requester },
      { until: '2026-12-02T00:00:00Z' },
    ]);
    const resumed = frames.find((f) => f.event === 'customer-replied');
    expect(resumed?.clocks['resolution']).toMatchObject({ status: 'running', elapsedMs: 2 * 3_600_000 });
    // Unpaused it would breach Monday 16:00 (8 business hours); 4 paused business hours move it to Tuesday 11:00.
    expect(resumed?.clocks['resolution']?.breachAt?.toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(frames.find((f) => f.cause === 'clock-breach')?.at).toBe('2026-12-01T11:00:00.000Z');
  });

  it('given an accepted incident, when two business hours pass, then the escalation timer fires and the record is escalated', async () => {
    const printer = { title: 'Printer', category: 'hardware', impact: 'low', urgency: 'low' };
    const frames = await simulateAccepted('2026-11-30T09:00:00Z', printer, [{ advance: 'PT3H' }]);
    const fired = frames.find((f) => f.cause === 'timer');
    expect(fired).toMatchObject({ at: '2026-11-30T11:00:00.000Z', event: 'escalate', ok: true, state: 'in-progress' });
    expect(fired?.data['escalated']).toBe(true);
    expect(fired?.effects).toContainEqual(expect.objectContaining({ type: 'notify', role: 'incident-manager' }));
  });

  it('given an event the actor may not send, when simulated, then the frame carries the coded rejection and the state is kept', async () => {
    const frames = await simulate(compiled, {
      startAt: '2026-11-30T09:00:00Z',
      requester,
      data: { title: 'Printer', impact: 'low', urgency: 'low' },
      events: [{ event: 'accept', actor: requester }],
    });
    expect(frames[1]).toMatchObject({ ok: false, state: 'new', rejection: { code: 'ACTOR_NOT_ALLOWED' } });
  });
});
