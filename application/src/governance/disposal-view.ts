import type { DisposalDocument } from './disposal-store.ts';

/** A disposal record as the API (and the evidence pack) shows it. */
export function disposalView(doc: DisposalDocument) {
  return {
    recordId: doc._id,
    processKey: doc.processKey,
    processVersion: doc.processVersion,
    title: doc.title,
    finalState: doc.finalState,
    recordCreatedAt: doc.recordCreatedAt.toISOString(),
    closedAt: doc.closedAt.toISOString(),
    eventCount: doc.eventCount,
    finalHash: doc.finalHash,
    chain: { ...doc.chain },
    policy: { ...doc.policy, setAt: doc.policy.setAt.toISOString() },
    retainUntil: doc.retainUntil.toISOString(),
    reason: doc.reason,
    authorizedBy: { ...doc.authorizedBy },
    disposedAt: doc.disposedAt.toISOString(),
    completedAt: doc.completedAt ? doc.completedAt.toISOString() : null,
  };
}
