import type { Approval } from '../format/state.ts';
import type { InstanceState, ProcessEvent, Vote } from './instance-state.ts';
import { rejection, type StepRejection } from './rejections.ts';

/** May this actor vote on the approval (before segregation of duties)? */
export function isApprover(approval: Approval, actor: { id: string; roles: readonly string[] }): boolean {
  return (
    (approval.approvers.users ?? []).includes(actor.id) ||
    (approval.approvers.roles ?? []).some((role) => actor.roles.includes(role))
  );
}

/**
 * Records a vote on the pending approval and decides it when the policy says so:
 * `any` — the first vote decides; `all` — one rejection rejects, approval needs every named user
 * and at least one approver per named role; `quorum` — N approvals approve, N rejections reject.
 * Returns the rejection, or the vote and the outcome (if decided).
 */
export function recordVote(
  approval: Approval,
  s: InstanceState,
  event: ProcessEvent,
): StepRejection | { vote: Vote; outcome?: 'approved' | 'rejected' } {
  const pending = s.approval;
  if (!pending || pending.outcome) return rejection('NO_APPROVAL_PENDING', { state: s.state });
  const actor = event.actor;
  if (!actor || !isApprover(approval, actor)) return rejection('NOT_AN_APPROVER', { actor: actor?.id ?? null });
  if (!approval.requesterMayApprove && actor.id === s.requester) {
    return rejection('SEGREGATION_OF_DUTIES', { actor: actor.id, as: 'requester' });
  }
  if (!approval.implementerMayApprove && actor.id === s.assignee?.user) {
    return rejection('SEGREGATION_OF_DUTIES', { actor: actor.id, as: 'implementer' });
  }
  if (pending.votes.some((v) => v.actor === actor.id)) return rejection('ALREADY_VOTED', { actor: actor.id });
  const vote: Vote = {
    actor: actor.id,
    vote: event.vote === 'approve' ? 'approve' : 'reject',
    roles: (approval.approvers.roles ?? []).filter((role) => actor.roles.includes(role)),
    ...(event.comment === undefined ? {} : { comment: event.comment }),
    ...(event.at === undefined ? {} : { at: event.at }),
  };
  pending.votes.push(vote);
  const outcome = decide(approval, pending.votes);
  if (outcome) pending.outcome = outcome;
  return outcome ? { vote, outcome } : { vote };
}

function decide(approval: Approval, votes: Vote[]): 'approved' | 'rejected' | undefined {
  const approvals = votes.filter((v) => v.vote === 'approve');
  const rejections = votes.length - approvals.length;
  switch (approval.policy) {
    case 'any':
      return votes[votes.length - 1]?.vote === 'approve' ? 'approved' : 'rejected';
    case 'all': {
      if (rejections > 0) return 'rejected';
      const users = approval.approvers.users ?? [];
      const roles = approval.approvers.roles ?? [];
      const usersDone = users.every((u) => approvals.some((v) => v.actor === u));
      const rolesDone = roles.every((r) => approvals.some((v) => v.roles.includes(r)));
      return usersDone && rolesDone ? 'approved' : undefined;
    }
    case 'quorum': {
      const n = approval.quorum ?? 1;
      if (approvals.length >= n) return 'approved';
      return rejections >= n ? 'rejected' : undefined;
    }
  }
}
