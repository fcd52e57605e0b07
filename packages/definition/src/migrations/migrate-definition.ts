import { CURRENT_FORMAT_VERSION } from '../format/definition.ts';
import { migrate0To1 } from './migrate-0-to-1.ts';

type Json = Record<string, unknown>;

/** One step per older format version: the function that upgrades it to the next version. */
const STEPS: ReadonlyMap<number, (document: Json) => Json> = new Map([[0, migrate0To1]]);

/** The outcome of {@link migrateDefinition}. */
export interface MigrationResult {
  /** The document in the current format (the input itself when nothing was to be done). */
  document: unknown;
  /** The format version the input had, when it was upgraded. */
  migratedFrom?: number;
}

/**
 * Upgrades a definition of an older `formatVersion` to the current one by pure functions, one
 * step per version. Anything else (the current version, an unknown or missing version, not an
 * object) is returned unchanged for schema validation to judge. Never modifies its input.
 */
export function migrateDefinition(json: unknown): MigrationResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { document: json };
  const from = (json as Json).formatVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from >= CURRENT_FORMAT_VERSION || !STEPS.has(from)) {
    return { document: json };
  }
  let document = json as Json;
  for (let version = from; version < CURRENT_FORMAT_VERSION; version++) {
    const step = STEPS.get(version);
    if (step === undefined) return { document: json };
    document = step(document);
  }
  return { document, migratedFrom: from };
}
