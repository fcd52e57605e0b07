import type { Db } from 'mongodb';
import type { InstanceEventBody } from './engine/instance-event.ts';
import { EVENTS_COLLECTION, type StoredEvent } from './event-log.ts';
import { OUTBOX_COLLECTION } from './outbox.ts';
import { TIMERS_COLLECTION } from './timer-store.ts';

/** The collection of instance projections (one document per instance, `_id` = instance id). */
export const INSTANCES_COLLECTION = 'instances';

/**
 * The body of an instance's event, typed. The engine writes every event body in this shape
 * (the log stores it as plain JSON), so this is the one place that says so.
 */
export function instanceEventBody(event: Pick<StoredEvent, 'body'>): InstanceEventBody {
  return event.body as unknown as InstanceEventBody;
}

/**
 * Removes everything the runtime stores for an instance: its timers and notification messages
 * first (nothing may fire while its log goes), its projection, its event log, then the
 * projection, timers and messages again (a repair that read the log before it went may have
 * written them back). Each step is a delete by the instance id, so running it again, or on two
 * servers at once, finishes the work and changes nothing more. The caller records why first.
 */
export async function purgeInstanceData(db: Db, instanceId: string): Promise<void> {
  const byInstance = { instanceId: String(instanceId) };
  const byId = { _id: String(instanceId) };
  const collection = (name: string) => db.collection<{ _id: string }>(name);
  await collection(TIMERS_COLLECTION).deleteMany(byInstance);
  await collection(OUTBOX_COLLECTION).deleteMany(byInstance);
  await collection(INSTANCES_COLLECTION).deleteOne(byId);
  await collection(EVENTS_COLLECTION).deleteMany(byInstance);
  await collection(INSTANCES_COLLECTION).deleteOne(byId);
  await collection(TIMERS_COLLECTION).deleteMany(byInstance);
  await collection(OUTBOX_COLLECTION).deleteMany(byInstance);
}
