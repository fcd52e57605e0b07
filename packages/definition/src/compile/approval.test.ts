import { describe, expect, it } from 'vitest';
import type { Definition } from '../format/definition.ts';
import type { Approval } from '../format/state.ts';
import { compile } from './compile.ts';
import { VOTE_EVENT } from './instance-state.ts';
import { availableEvents, initialState, step, type StepResult } from './step.ts';

const t = (en: string) => ({ en, zh: en });

function changeProcess(approval: Partial<Approval>): Definition {
  const definition = {
    formatVersion: 1,
    key: 'change',
    version: 1,
    title: t('Change'),
    tags: [],
    record: { schema: { type: 'object', properties: { title: { type: 'string', 'x-label': t('Title') } } } },
    roles: [
      { id: 'requester', label: t('Requester') },
      { id: 'cab', label: t('CAB') },
      { id: 'implementer', label: t('Implementer') },
    ],
    initialState: 'assess',
    states: [
      {
        id: 'assess',
        label: t('Assess'),
        tags: [],
        kind: 'normal',
        onEntry: [{ type: 'assign', user: 'ivan' }],
        approval: {
          approvers: { roles: ['cab'] },
          policy: 'any',
          requesterMayApprove: false,
          implementerMayApprove: false,
          approvedEvent: 'approved',
          rejectedEvent: 'rejected',
          ...approval,
        },
      },
      { id: 'build', label: t('Build'), tags: [], kind: 'final' },
      { id: 'refused', label: t('Refused'), tags: [], kind: 'final' },
    ],
    transitions: [
      { id: 'approve', from: 'assess', event: 'approved', to: 'build', label: t('Approved') },
      { id: 'reject', from: 'assess', event: 'rejected', to: 'refused', label: t('Rejected') },
    ],
    decisions: [],
    ruleSets: [],
    forms: [],
    clocks: [],
    calendars: [],
  };
  // Cast: the format's record field type does not admit JSON Schema keywords beside x-label.
  return definition as unknown as Definition;
}

const cab = (id: string) => ({ id, roles: ['cab'] });
const vote = (actor: { id: string; roles: string[] }, v: 'approve' | 'reject') => ({
  type: VOTE_EVENT,
  actor,
  vote: v,
  comment: `${actor.id} says ${v}`,
});

async function start(approval: Partial<Approval>) {
  const compiled = compile(changeProcess(approval));
  const r = await initialState(compiled, { title: 'Upgrade' }, { actor: { id: 'rita', roles: ['requester', 'cab'] } });
  if (!r.ok) throw new Error(r.rejection.code);
  return { compiled, r };
}

function okState(r: StepResult) {
  if (!r.ok) throw new Error(r.rejection.code);
  return r.state;
}

describe('approvals', () => {
  it('given policy any, when one approver approves, then the approved event moves the record on and the vote is recorded', async () => {
    const { compiled, r } = await start({});
    expect(r.effects).toContainEqual(
      expect.objectContaining({ type: 'requestApproval', state: 'assess', policy: 'any' }),
    );
    expect(availableEvents(compiled, r.state, cab('carl')).map((e) => e.event)).toEqual([VOTE_EVENT]);
    const next = await step(compiled, r.state, vote(cab('carl'), 'approve'));
    expect(okState(next).state).toBe('build');
    expect(next.effects).toContainEqual({
      type: 'recordVote',
      state: 'assess',
      actor: 'carl',
      vote: 'approve',
      roles: ['cab'],
      comment: 'carl says approve',
    });
  });

  it('given segregation of duties, when the requester or the implementer votes, then the vote is refused', async () => {
    const { compiled, r } = await start({});
    expect(await step(compiled, r.state, vote({ id: 'rita', roles: ['cab'] }, 'approve'))).toMatchObject({
      ok: false,
      rejection: { code: 'SEGREGATION_OF_DUTIES', params: { as: 'requester' } },
    });
    expect(await step(compiled, r.state, vote({ id: 'ivan', roles: ['cab'] }, 'approve'))).toMatchObject({
      ok: false,
      rejection: { code: 'SEGREGATION_OF_DUTIES', params: { as: 'implementer' } },
    });
    expect(await step(compiled, r.state, vote({ id: 'x', roles: ['implementer'] }, 'approve'))).toMatchObject({
      ok: false,
      rejection: { code: 'NOT_AN_APPROVER' },
    });
  });

  it('given policy quorum 2, when two approve after a double vote is refused, then it is approved on the second approver', async () => {
    const { compiled, r } = await start({ policy: 'quorum', quorum: 2 });
    const s1 = okState(await step(compiled, r.state, vote(cab('carl'), 'approve')));
    expect(s1.state).toBe('assess');
    expect(s1.approval?.votes).toHaveLength(1);
    expect(await step(compiled, s1, vote(cab('carl'), 'approve'))).toMatchObject({
      rejection: { code: 'ALREADY_VOTED' },
    });
    expect(okState(await step(compiled, s1, vote(cab('cora'), 'approve'))).state).toBe('build');
  });

  it('given policy all with named users, when one rejects, then it is rejected', async () => {
    const { compiled, r } = await start({ policy: 'all', approvers: { users: ['carl', 'cora'] } });
    const s1 = okState(await step(compiled, r.state, vote(cab('carl'), 'approve')));
    expect(s1.state).toBe('assess');
    expect(okState(await step(compiled, s1, vote(cab('cora'), 'reject'))).state).toBe('refused');
  });
});
