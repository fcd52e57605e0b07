import { fieldError, pointerToken, type FieldError } from '../errors/problem-error.ts';

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor']);

/**
 * Finds the first key, at any depth, that starts with `$` or contains `.` (it could act as a
 * MongoDB operator or path), or that is `__proto__`/`constructor` (prototype poisoning).
 * Query-string keys such as `filter[$ne]` are split on brackets first.
 */
export function findForbiddenKey(
  value: unknown,
  part: 'body' | 'querystring',
): (FieldError & { code: 'FORBIDDEN_KEY' | 'FORBIDDEN_PROTOTYPE_KEY' }) | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const childPath = `${path}/${pointerToken(key)}`;
      const segments = part === 'querystring' ? key.split(/[[\]]+/).filter((s) => s !== '') : [key];
      for (const segment of segments) {
        if (PROTOTYPE_KEYS.has(segment)) {
          return {
            ...fieldError('FORBIDDEN_PROTOTYPE_KEY', childPath, undefined, part),
            code: 'FORBIDDEN_PROTOTYPE_KEY',
          };
        }
        if (segment.startsWith('$') || segment.includes('.')) {
          return { ...fieldError('FORBIDDEN_KEY', childPath, undefined, part), code: 'FORBIDDEN_KEY' };
        }
      }
      stack.push({ value: (current as Record<string, unknown>)[key], path: childPath });
    }
  }
  return undefined;
}

/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Finds the first string, value or key, at any depth, that is not well-formed UTF-16: a lone
 * surrogate cannot be stored and shown the same way everywhere (a summary would show U+FFFD
 * while the data kept it), so such input is refused rather than repaired.
 */
export function findLoneSurrogate(
  value: unknown,
  part: 'body' | 'querystring',
): (FieldError & { code: 'LONE_SURROGATE' }) | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  const refuse = (path: string) => ({
    ...fieldError('LONE_SURROGATE', path, undefined, part),
    code: 'LONE_SURROGATE' as const,
  });
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return refuse(path);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const childPath = `${path}/${pointerToken(key)}`;
      if (LONE_SURROGATE.test(key)) return refuse(childPath);
      stack.push({ value: (current as Record<string, unknown>)[key], path: childPath });
    }
  }
  return undefined;
}
