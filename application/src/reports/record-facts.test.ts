import { describe, expect, it } from 'vitest';
import { recordFacts, type ReportEvent } from './record-facts.ts';
import { at, events, record } from './testing/report-fixtures.ts';

describe('the facts of one record', () => {
  it('given a record that reached a final state, then it is closed at that event and met its SLA when no clock breached', () => {
    const facts = recordFacts(
      record('r1', '2026-03-02T09:00:00Z', { resolution: { breached: false } }),
      events('r1', [
        ['2026-03-02T09:00:00Z', {}],
        ['2026-03-02T10:00:00Z', { state: 'resolved' }],
        ['2026-03-03T09:00:00Z', { state: 'closed', status: 'done' }],
      ]),
    );
    expect(facts).toEqual({
      openedAt: at('2026-03-02T09:00:00Z'),
      closedAt: at('2026-03-03T09:00:00Z'),
      slaMet: true,
      breaches: [],
      reopens: [],
    });
  });

  it('given breach events of both kinds, then each clock counts once, at its first breach, and the SLA was missed', () => {
    const facts = recordFacts(
      record('r2', '2026-03-02T09:00:00Z', { response: { breached: true }, resolution: { breached: true } }),
      [
        ...events('r2', [['2026-03-02T09:00:00Z', {}]]),
        {
          instanceId: 'r2',
          seq: 2,
          type: 'sla.breached',
          at: at('2026-03-02T17:00:00Z'),
          body: { kind: 'clock', input: { data: { clock: 'response' } }, state: { state: 'open', status: 'active' } },
        },
        {
          instanceId: 'r2',
          seq: 3,
          type: 'sla.breached',
          at: at('2026-03-02T18:00:00Z'),
          body: { kind: 'clock', input: { data: { clock: 'response' } }, state: { state: 'open', status: 'active' } },
        },
        {
          instanceId: 'r2',
          seq: 4,
          type: 'escalate-late',
          at: at('2026-03-03T09:00:00Z'),
          idempotencyKey: 'timer:r2:sla:resolution:clock-breach:1',
          body: { kind: 'stepped', state: { state: 'escalated', status: 'active' } },
        },
        ...events('r2', [['2026-03-04T09:00:00Z', { state: 'closed', status: 'done' }]]).map((e) => ({
          ...e,
          seq: 5,
        })),
      ],
    );
    expect(facts.breaches).toEqual([at('2026-03-02T17:00:00Z'), at('2026-03-03T09:00:00Z')]);
    expect(facts.slaMet).toBe(false);
  });

  it('given an open record or one without clocks, then it has no SLA verdict', () => {
    expect(recordFacts(record('r3', '2026-03-02T09:00:00Z', { c: { breached: false } }), []).slaMet).toBeNull();
    const closedNoClock = recordFacts(
      record('r4', '2026-03-02T09:00:00Z'),
      events('r4', [
        ['2026-03-02T09:00:00Z', {}],
        ['2026-03-02T11:00:00Z', { state: 'closed', status: 'done' }],
      ]),
    );
    expect(closedNoClock.closedAt).toEqual(at('2026-03-02T11:00:00Z'));
    expect(closedNoClock.slaMet).toBeNull();
  });

  it('given a step from a resolved state back into work, then it is a reopen; a step into another resolved state is not', () => {
    const steps = events('r5', [
      ['2026-03-02T09:00:00Z', {}],
      ['2026-03-02T10:00:00Z', { state: 'resolved' }],
      ['2026-03-02T11:00:00Z', { state: 'open' }],
      ['2026-03-02T12:00:00Z', { state: 'resolved' }],
      ['2026-03-02T13:00:00Z', { state: 'verified' }],
    ]).map((e, i, all) => ({ ...e, body: { ...e.body, from: i === 0 ? null : all[i - 1]!.body!.state!.state } }));
    const facts = recordFacts(record('r5', '2026-03-02T09:00:00Z'), steps, {
      resolvedStates: new Set(['resolved', 'verified']),
    });
    expect(facts.reopens).toEqual([at('2026-03-02T11:00:00Z')]);
  });

  it('given a clock the projection shows past its breach instant but no breach event yet, then it counts at that instant, once', () => {
    const running = record('r7', '2026-03-02T09:00:00Z', {
      resolution: { status: 'running', breached: false, breachAt: at('2026-03-03T09:00:00Z') },
      response: { status: 'running', breached: false, breachAt: at('2026-03-09T09:00:00Z') },
    });
    const started = events('r7', [['2026-03-02T09:00:00Z', {}]]);
    expect(recordFacts(running, started, { asOf: at('2026-03-05T00:00:00Z') }).breaches).toEqual([
      at('2026-03-03T09:00:00Z'),
    ]);
    expect(recordFacts(running, started).breaches).toEqual([]);
    const recorded: ReportEvent = {
      instanceId: 'r7',
      seq: 2,
      type: 'sla.breached',
      at: at('2026-03-03T09:05:00Z'),
      body: { kind: 'clock', input: { data: { clock: 'resolution' } }, state: { state: 'open', status: 'active' } },
    };
    expect(recordFacts(running, [...started, recorded], { asOf: at('2026-03-05T00:00:00Z') }).breaches).toEqual([
      at('2026-03-03T09:05:00Z'),
    ]);
    const stoppedLate = record('r8', '2026-03-02T09:00:00Z', {
      resolution: { status: 'stopped', breached: true, breachAt: at('2026-03-03T09:00:00Z') },
    });
    const closedLate = events('r8', [
      ['2026-03-02T09:00:00Z', {}],
      ['2026-03-04T09:00:00Z', { state: 'closed', status: 'done' }],
    ]);
    expect(recordFacts(stoppedLate, closedLate, { asOf: at('2026-03-05T00:00:00Z') })).toMatchObject({
      breaches: [at('2026-03-03T09:00:00Z')],
      slaMet: false,
    });
    // A clock left running into a final state does not breach after the record closed.
    const leftRunning = record('r9', '2026-03-02T09:00:00Z', {
      resolution: { status: 'running', breached: false, breachAt: at('2026-03-05T09:00:00Z') },
    });
    expect(recordFacts(leftRunning, closedLate, { asOf: at('2026-03-09T00:00:00Z') })).toMatchObject({
      breaches: [],
      slaMet: true,
    });
  });

  it('given events out of order, then they are read by sequence number', () => {
    const ordered = events('r6', [
      ['2026-03-02T09:00:00Z', {}],
      ['2026-03-02T10:00:00Z', { state: 'closed', status: 'done' }],
    ]);
    expect(recordFacts(record('r6', '2026-03-02T09:00:00Z'), [...ordered].reverse()).closedAt).toEqual(
      at('2026-03-02T10:00:00Z'),
    );
  });
});
