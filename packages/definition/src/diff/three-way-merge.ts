import type { Definition } from '../format/definition.ts';
import { DIFFED_COLLECTIONS, type DiffedCollection } from './diff-definitions.ts';
import { jsonChanges } from './json-changes.ts';

/** Where a merge decision was made: an element of a collection, or a top-level property ('meta'). */
export type MergeScope = DiffedCollection | 'meta';

/** A template change taken into the tailored copy. */
export interface AppliedChange {
  scope: MergeScope;
  id: string;
  kind: 'added' | 'removed' | 'changed';
}

/** An element both the new template and the tailored copy changed, differently; the copy's version is kept. */
export interface MergeConflict {
  scope: MergeScope;
  id: string;
  base: unknown;
  template: unknown;
  copy: unknown;
}

export interface MergeResult {
  merged: Definition;
  applied: AppliedChange[];
  conflicts: MergeConflict[];
}

const same = (a: unknown, b: unknown) => jsonChanges(a, b).length === 0;

interface Decision<T> {
  value: T | undefined;
  applied?: AppliedChange['kind'];
  conflict?: boolean;
}

/** The three-way rule for one element (undefined = absent). */
function decide<T>(base: T | undefined, template: T | undefined, copy: T | undefined): Decision<T> {
  if (same(template, base)) return { value: copy };
  if (same(copy, base)) {
    const kind = base === undefined ? 'added' : template === undefined ? 'removed' : 'changed';
    return { value: template, applied: kind };
  }
  if (same(template, copy)) return { value: copy };
  return { value: copy, conflict: true };
}

function mergeKeyed<T>(
  scope: MergeScope,
  base: ReadonlyMap<string, T>,
  template: ReadonlyMap<string, T>,
  copy: ReadonlyMap<string, T>,
  applied: AppliedChange[],
  conflicts: MergeConflict[],
): Map<string, T> {
  // The copy's order first, then elements only the template added.
  const ids = [...new Set([...copy.keys(), ...template.keys(), ...base.keys()])];
  const out = new Map<string, T>();
  for (const id of ids) {
    const d = decide(base.get(id), template.get(id), copy.get(id));
    if (d.applied) applied.push({ scope, id, kind: d.applied });
    if (d.conflict) conflicts.push({ scope, id, base: base.get(id), template: template.get(id), copy: copy.get(id) });
    if (d.value !== undefined) out.set(id, d.value);
  }
  return out;
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((i) => [i.id, i]));

/**
 * Applies the changes between an old and a new template version to a tailored copy of the
 * old one, element by element (states, transitions, rules, forms, clocks, calendars, roles by
 * id; record fields by name; top-level properties by name). Changes only the template made are
 * taken; changes only the copy made are kept; elements both changed differently are conflicts,
 * left as the copy has them. The copy's identity (key, version, derivedFrom) is never taken
 * from the template.
 */
export function mergeTemplateUpgrade(base: Definition, template: Definition, copy: Definition): MergeResult {
  const applied: AppliedChange[] = [];
  const conflicts: MergeConflict[] = [];
  const merged = JSON.parse(JSON.stringify(copy)) as Definition;

  for (const name of DIFFED_COLLECTIONS) {
    const result = mergeKeyed<{ id: string }>(
      name,
      byId<{ id: string }>(base[name]),
      byId<{ id: string }>(template[name]),
      byId<{ id: string }>(copy[name]),
      applied,
      conflicts,
    );
    (merged as unknown as Record<string, unknown>)[name] = [...result.values()];
  }

  const fields = mergeKeyed(
    'fields',
    new Map(Object.entries(base.record.schema.properties)),
    new Map(Object.entries(template.record.schema.properties)),
    new Map(Object.entries(copy.record.schema.properties)),
    applied,
    conflicts,
  );
  merged.record.schema.properties = Object.fromEntries(fields);

  const IDENTITY = new Set(['key', 'version', 'derivedFrom', 'formatVersion', 'record', ...DIFFED_COLLECTIONS]);
  const metaOf = (d: Definition) =>
    new Map(
      [
        ...Object.entries(d).filter(([key]) => !IDENTITY.has(key)),
        ['record.titleField', d.record.titleField],
        ['record.required', d.record.schema.required],
      ].filter(([, v]) => v !== undefined) as [string, unknown][],
    );
  const meta = mergeKeyed('meta', metaOf(base), metaOf(template), metaOf(copy), applied, conflicts);
  const target = merged as unknown as Record<string, unknown>;
  for (const key of metaOf(copy).keys()) if (!meta.has(key) && !key.startsWith('record.')) delete target[key];
  for (const [key, value] of meta) {
    if (key === 'record.titleField') merged.record.titleField = value as string;
    else if (key === 'record.required') merged.record.schema.required = value as string[];
    else target[key] = value;
  }
  if (!meta.has('record.titleField')) delete merged.record.titleField;
  if (!meta.has('record.required')) delete merged.record.schema.required;
  return { merged, applied, conflicts };
}
