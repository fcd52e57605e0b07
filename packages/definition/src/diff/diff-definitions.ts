import type { Definition } from '../format/definition.ts';
import { jsonChanges, type JsonChange } from './json-changes.ts';

/** The element collections of a definition compared by stable id. */
export const DIFFED_COLLECTIONS = [
  'roles',
  'states',
  'transitions',
  'decisions',
  'ruleSets',
  'forms',
  'clocks',
  'calendars',
] as const;
export type DiffedCollection = (typeof DIFFED_COLLECTIONS)[number] | 'fields';

/** How one collection differs: ids added, removed, and changed with their leaf changes. */
export interface CollectionDiff {
  added: string[];
  removed: string[];
  changed: { id: string; changes: JsonChange[] }[];
}

/** A structured diff of two definition versions. */
export interface DefinitionDiff {
  /** Identical apart from `version`. */
  identical: boolean;
  /** Changes to the definition's own properties (title, tags, claims, initialState, …). */
  meta: JsonChange[];
  collections: Record<DiffedCollection, CollectionDiff>;
}

const META_EXCLUDED = new Set<string>([...DIFFED_COLLECTIONS, 'record', 'version']);

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function diffCollection(before: ReadonlyMap<string, unknown>, after: ReadonlyMap<string, unknown>): CollectionDiff {
  const added = [...after.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const changed = [...before.keys()]
    .filter((id) => after.has(id))
    .map((id) => ({ id, changes: jsonChanges(before.get(id), after.get(id)) }))
    .filter((entry) => entry.changes.length > 0);
  return { added, removed, changed };
}

/**
 * Compares two definition versions element by element: states, transitions, rules, forms,
 * clocks, calendars and roles by their stable ids, record fields by name, so a renamed label
 * shows as a change of that element and a reordered list shows as nothing.
 */
export function diffDefinitions(before: Definition, after: Definition): DefinitionDiff {
  const collections = {} as Record<DiffedCollection, CollectionDiff>;
  for (const name of DIFFED_COLLECTIONS) {
    collections[name] = diffCollection(byId<{ id: string }>(before[name]), byId<{ id: string }>(after[name]));
  }
  const fieldsBefore = new Map(Object.entries(before.record.schema.properties));
  const fieldsAfter = new Map(Object.entries(after.record.schema.properties));
  collections.fields = diffCollection(fieldsBefore, fieldsAfter);

  const strip = (d: Definition) => {
    const rest = Object.fromEntries(Object.entries(d).filter(([key]) => !META_EXCLUDED.has(key)));
    const { properties: _fields, ...recordSchemaRest } = d.record.schema;
    return { ...rest, record: { ...d.record, schema: recordSchemaRest } };
  };
  const meta = jsonChanges(strip(before), strip(after));
  const identical =
    meta.length === 0 &&
    Object.values(collections).every((c) => c.added.length + c.removed.length + c.changed.length === 0);
  return { identical, meta, collections };
}
