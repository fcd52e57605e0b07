import { describe, expect, it } from 'vitest';
import { canActOnRecord, canEditProcess, canSeeRecord, type RecordAccess } from './record-access.ts';
import type { AuthenticatedUser, PlatformRole } from '../accounts/roles.ts';

function caller(
  id: string,
  roles: PlatformRole[],
  groups: string[] = [],
): Pick<AuthenticatedUser, 'id' | 'roles' | 'groups'> {
  return { id, roles, groups };
}

const callers = {
  admin: caller('u-admin', ['admin']),
  owner: caller('u-owner', ['process-owner']),
  otherOwner: caller('u-owner-2', ['process-owner']),
  agentOfGroup: caller('u-agent', ['agent'], ['service-desk']),
  agentOfOtherGroup: caller('u-agent-2', ['agent'], ['network']),
  requester: caller('u-req', ['requester']),
  namedRequester: caller('u-named', ['requester']),
  otherRequester: caller('u-req-2', ['requester']),
  anonymous: null,
};

const record: RecordAccess = {
  raisedBy: 'u-req',
  namedUsers: ['u-named'],
  process: { id: 'incident', owners: ['u-owner'], agentGroups: ['service-desk'] },
};

type Expectation = { see: boolean; requesterAction: boolean; agentAction: boolean; editProcess: boolean };

const MATRIX: Record<keyof typeof callers, Expectation> = {
  admin: { see: true, requesterAction: true, agentAction: true, editProcess: true },
  owner: { see: true, requesterAction: false, agentAction: true, editProcess: true },
  otherOwner: { see: false, requesterAction: false, agentAction: false, editProcess: false },
  agentOfGroup: { see: true, requesterAction: false, agentAction: true, editProcess: false },
  agentOfOtherGroup: { see: false, requesterAction: false, agentAction: false, editProcess: false },
  requester: { see: true, requesterAction: true, agentAction: false, editProcess: false },
  namedRequester: { see: true, requesterAction: true, agentAction: false, editProcess: false },
  otherRequester: { see: false, requesterAction: false, agentAction: false, editProcess: false },
  anonymous: { see: false, requesterAction: false, agentAction: false, editProcess: false },
};

describe('the record-access policy as a matrix of callers', () => {
  it.each(Object.entries(MATRIX))('given %s, then seeing, acting and editing are as expected', (name, expected) => {
    const user = callers[name as keyof typeof callers];
    expect({
      see: canSeeRecord(user, record),
      requesterAction: canActOnRecord(user, record, 'requester'),
      agentAction: canActOnRecord(user, record, 'agent'),
      editProcess: canEditProcess(user, record.process),
    }).toEqual(expected);
  });

  it('given an agent role without the group, or the group without the agent role, then the record is not visible', () => {
    expect(canSeeRecord(caller('x', ['agent'], []), record)).toBe(false);
    expect(canSeeRecord(caller('x', ['requester'], ['service-desk']), record)).toBe(false);
  });
});
