import type { LogHead, NewEvent } from './event-log.ts';
import { RuntimeError } from './runtime-error-codes.ts';
import { assertIdString, assertStorableJsonObject } from './storable-json.ts';

/* The event log's argument checks, before anything reaches the database. */

/** Digits of the zero-padded sequence number in an event `_id`. */
export const SEQ_DIGITS = 10;
/** The highest sequence number an event `_id` can hold. */
export const MAX_SEQ = 10 ** SEQ_DIGITS - 1;

/** Refuses an append whose fields are not what the log stores (INVALID_ARGUMENT). */
export function checkNewEvent(input: NewEvent): void {
  assertIdString(input.instanceId, 'instanceId', 200);
  assertIdString(input.type, 'type', 200);
  assertIdString(input.actor, 'actor', 200);
  if (!(input.at instanceof Date) || Number.isNaN(input.at.getTime())) {
    throw new RuntimeError('INVALID_ARGUMENT', 'at must be a valid Date', { name: 'at' });
  }
  if (input.idempotencyKey !== undefined) assertIdString(input.idempotencyKey, 'idempotencyKey', 512);
  if (input.body !== undefined) assertStorableJsonObject(input.body, 'event body');
}

/** Refuses a head that is not of this instance or not a possible head (INVALID_ARGUMENT). */
export function checkHead(head: LogHead, instanceId: string): void {
  if (head.instanceId !== instanceId) {
    throw new RuntimeError('INVALID_ARGUMENT', `head of ${head.instanceId} given for ${instanceId}`);
  }
  if (!Number.isInteger(head.seq) || head.seq < 0 || head.seq >= MAX_SEQ) {
    throw new RuntimeError('INVALID_ARGUMENT', `head seq must be an integer in [0, ${MAX_SEQ}), got ${head.seq}`);
  }
  if ((head.seq === 0) !== (head.hash === null)) {
    throw new RuntimeError('INVALID_ARGUMENT', 'a head has a hash exactly when its seq is above 0');
  }
}
