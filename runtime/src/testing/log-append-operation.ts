import { appendWithRetry } from '../append-with-retry.ts';
import { systemClock } from '../clock.ts';
import { EventLog, type LogHead } from '../event-log.ts';
import type { CreateOperation } from './worker-protocol.ts';

/**
 * A worker operation that appends one raw event to the log with reload-and-retry on conflict,
 * keyed by the operation's idempotency key. Like an engine with a cached projection, it
 * remembers the last head it saw per instance and appends optimistically after it; a conflict
 * is what tells it another process moved on.
 */
export const createOperation: CreateOperation = async ({ db, config }) => {
  const log = await EventLog.open(db);
  const heads = new Map<string, LogHead>();
  return async ({ instanceId, idempotencyKey, index }) => {
    const cached = heads.get(instanceId);
    const result = await appendWithRetry(
      log,
      instanceId,
      {
        instanceId,
        type: 'load.append',
        actor: `system:${config.workerId}`,
        at: systemClock.now(),
        idempotencyKey,
        body: { worker: config.workerId, index },
      },
      cached ? { head: cached } : {},
    );
    if (result.status === 'appended' && (heads.get(instanceId)?.seq ?? 0) < result.head.seq) {
      heads.set(instanceId, result.head);
    }
    if (result.status === 'conflict') return null;
    return {
      ackId: idempotencyKey,
      instanceId,
      seq: result.event.seq,
      status: result.status,
      attempts: result.attempts,
    };
  };
};
