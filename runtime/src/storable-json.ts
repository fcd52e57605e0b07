import { RuntimeError } from './runtime-error-codes.ts';

/** A JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Keys that would act as database operators or poison prototypes are never stored. */
function keyProblem(key: string): string | null {
  if (key.startsWith('$')) return 'starts with $';
  if (key.includes('.')) return 'contains .';
  if (key.includes('\0')) return 'contains a NUL character';
  if (key === '__proto__') return 'is __proto__';
  return null;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** JSON Pointer escaping of one path segment. */
function pointerSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * The first reason `value` cannot be stored as a document value on both MongoDB and FerretDB
 * 1.x, with its JSON Pointer, or null when it can: plain JSON only (finite numbers, no
 * undefined, Dates or class instances), no key starting with `$` or containing `.`, and no
 * array directly inside an array.
 */
export function storableJsonProblem(value: unknown, path = ''): { path: string; problem: string } | null {
  const found = problemOf(value);
  return found ? { path: path + found.segments.reverse().join(''), problem: found.problem } : null;
}

/** The problem with the pointer segments from it up to `value`, innermost first; the path is only built on failure. */
function problemOf(value: unknown): { segments: string[]; problem: string } | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? null : { segments: [], problem: `number ${value} is not finite` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (Array.isArray(item)) return { segments: [`/${i}`], problem: 'an array directly inside an array' };
      const found = problemOf(item);
      if (found) {
        found.segments.push(`/${i}`);
        return found;
      }
    }
    return null;
  }
  if (typeof value === 'object') {
    if (!isPlainObject(value)) return { segments: [], problem: 'not a plain JSON object' };
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const problem = keyProblem(key);
      if (problem) return { segments: [`/${pointerSegment(key)}`], problem: `key ${JSON.stringify(key)} ${problem}` };
      const found = problemOf((value as Record<string, unknown>)[key]);
      if (found) {
        found.segments.push(`/${pointerSegment(key)}`);
        return found;
      }
    }
    return null;
  }
  return { segments: [], problem: `a ${typeof value} is not JSON` };
}

/** Throws `INVALID_DOCUMENT` (with the JSON Pointer of the problem) unless `value` is a storable JSON object. */
export function assertStorableJsonObject(value: unknown, what: string): asserts value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RuntimeError('INVALID_DOCUMENT', `${what} must be a JSON object`, { path: '' });
  }
  const found = storableJsonProblem(value);
  if (found) {
    throw new RuntimeError('INVALID_DOCUMENT', `${what} at ${found.path || '/'}: ${found.problem}`, {
      path: found.path,
    });
  }
}

/** Throws `INVALID_ARGUMENT` unless `value` is a non-empty string of at most `max` characters. */
export function assertIdString(value: unknown, name: string, max = 256): asserts value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max || value.includes('\0')) {
    throw new RuntimeError('INVALID_ARGUMENT', `${name} must be a non-empty string of at most ${max} characters`, {
      name,
    });
  }
}
