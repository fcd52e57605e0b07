/** One leaf-level difference between two JSON values, located by a JSON Pointer relative to the compared values. */
export interface JsonChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes one JSON Pointer reference token (RFC 6901). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Lists the differences between two JSON values down to their leaves. Arrays are compared
 * index by index (element identity by id is the caller's job, see diffDefinitions).
 */
export function jsonChanges(before: unknown, after: unknown, path = ''): JsonChange[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: JsonChange[] = [];
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) {
      const at = `${path}/${i}`;
      if (i >= before.length) changes.push({ path: at, after: after[i] });
      else if (i >= after.length) changes.push({ path: at, before: before[i] });
      else changes.push(...jsonChanges(before[i], after[i], at));
    }
    return changes;
  }
  if (isObject(before) && isObject(after)) {
    const changes: JsonChange[] = [];
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of [...keys].sort()) {
      const at = `${path}/${escapePointerToken(key)}`;
      const inBefore = Object.hasOwn(before, key);
      const inAfter = Object.hasOwn(after, key);
      if (!inBefore) changes.push({ path: at, after: after[key] });
      else if (!inAfter) changes.push({ path: at, before: before[key] });
      else changes.push(...jsonChanges(before[key], after[key], at));
    }
    return changes;
  }
  return [{ path, before, after }];
}
