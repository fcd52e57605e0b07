import type { EngineResult } from './engine-outcome.ts';
import type { InstanceEngine } from './instance-engine.ts';
import type { EngineActor } from './instance-event.ts';

/** A migration of a process's running instances from one published version to the next: a state map, as data. */
export interface StateMap {
  processKey: string;
  fromVersion: number;
  toVersion: number;
  /** State id in `fromVersion` -> state id in `toVersion`. */
  states: Record<string, string>;
}

/** What a migration would do: which instances move where, and which cannot move and why. */
export interface MigrationPreview {
  moves: { instanceId: string; from: string; to: string }[];
  blocked: { instanceId: string; state: string; reason: 'NO_MAPPING' | 'UNKNOWN_TARGET_STATE' }[];
}

/** Previews a migration over the active instances pinned to `fromVersion`. Writes nothing. */
export async function previewMigration(engine: InstanceEngine, map: StateMap): Promise<MigrationPreview> {
  const target = await engine.registry.get(map.processKey, map.toVersion);
  const instances = await engine.projections.collection
    .find(
      { processKey: map.processKey, processVersion: map.fromVersion, status: 'active' },
      { projection: { _id: 1, state: 1 }, sort: { _id: 1 } },
    )
    .toArray();
  const preview: MigrationPreview = { moves: [], blocked: [] };
  for (const { _id, state } of instances) {
    const to = map.states[state];
    if (to === undefined) preview.blocked.push({ instanceId: _id, state, reason: 'NO_MAPPING' });
    else if (!target?.states.has(to)) preview.blocked.push({ instanceId: _id, state, reason: 'UNKNOWN_TARGET_STATE' });
    else preview.moves.push({ instanceId: _id, from: state, to });
  }
  return preview;
}

/** Applies a migration: each movable instance moves with a recorded event; blocked ones are reported, not moved. */
export async function applyMigration(
  engine: InstanceEngine,
  map: StateMap,
  actor: EngineActor,
): Promise<{ preview: MigrationPreview; results: EngineResult[] }> {
  const preview = await previewMigration(engine, map);
  const results: EngineResult[] = [];
  for (const move of preview.moves) {
    results.push(await engine.migrate(move.instanceId, map, actor));
  }
  return { preview, results };
}
