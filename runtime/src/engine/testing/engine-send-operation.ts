import { systemClock } from '../../clock.ts';
import type { CreateOperation } from '../../testing/worker-protocol.ts';
import { openRuntime } from '../runtime-services.ts';

/**
 * A worker operation that sends one `escalate` event through the engine, as an agent, keyed by
 * the operation's idempotency key; the engine reloads and retries when another process took
 * the next seq.
 */
export const createOperation: CreateOperation = async ({ db }) => {
  const { engine } = await openRuntime(db, { clock: systemClock });
  const agent = { id: 'load-agent', roles: ['agent'] };
  return async ({ instanceId, idempotencyKey }) => {
    const result = await engine.send(instanceId, { type: 'escalate' }, agent, { idempotencyKey });
    if (!result.ok) return null;
    return { ackId: idempotencyKey, instanceId, seq: result.seq, status: result.replayed ? 'duplicate' : 'appended' };
  };
};
