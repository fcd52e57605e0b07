import type { RequirementText } from '@clauseflow/conformance';
import areas from './process-areas.json' with { type: 'json' };

/**
 * The process areas of the catalogue: every clause-8 process of ISO/IEC 20000-1:2018 and the
 * management-system areas that get a template of their own. Requirements name these keys in
 * `processes`, and organizational requirements in `organizational.template`; the catalogue's
 * templates will use the same keys. Keys are stable: never rename one. The table is data
 * (process-areas.json).
 */
export const PROCESS_AREAS = areas satisfies Record<string, { clause: string; label: RequirementText }>;

/** A process-area key. */
export type ProcessAreaKey = keyof typeof PROCESS_AREAS;

/** Every process-area key, in clause order. */
export const PROCESS_AREA_KEYS = Object.keys(PROCESS_AREAS) as ProcessAreaKey[];

/** True when the key names a process area of the catalogue. */
export function isProcessAreaKey(key: string): key is ProcessAreaKey {
  return Object.hasOwn(PROCESS_AREAS, key);
}
