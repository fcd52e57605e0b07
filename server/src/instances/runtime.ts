/** The runtime pieces the record API uses, imported in one place. */
export {
  decodeEvent,
  InstanceEngine,
  instanceEventBody,
  openRuntime,
  SYSTEM_ACTOR,
  type EngineActor,
  type EngineFailure,
  type EngineResult,
  type EngineSuccess,
  type EventDocument,
  type InstanceDocument,
  type InstanceEventBody,
  type Runtime,
} from '@clauseflow/runtime';
import type { EngineSuccess } from '@clauseflow/runtime';

/** One event of an instance's log, as stored. */
export type StoredEvent = EngineSuccess['event'];
