import type { SnapshotFrom } from 'xstate';
import type { CompiledProcess } from './compile.ts';
import type { ProcessMachine } from './machine.ts';

const cache = new WeakMap<CompiledProcess, Map<string, SnapshotFrom<ProcessMachine>>>();

/**
 * The xstate snapshot of an instance in a state, restored with `machine.resolveState` (and
 * cached: snapshots are immutable). Context lives in `InstanceState`, not in xstate.
 */
export function machineSnapshot(compiled: CompiledProcess, stateId: string): SnapshotFrom<ProcessMachine> {
  let byState = cache.get(compiled);
  if (!byState) {
    byState = new Map();
    cache.set(compiled, byState);
  }
  let snapshot = byState.get(stateId);
  if (!snapshot) {
    snapshot = compiled.machine.resolveState({ value: stateId, context: {} });
    byState.set(stateId, snapshot);
  }
  return snapshot;
}
