/** JSON Pointer (RFC 6901) helpers: issue paths are pointers into the input document. */

/** Escapes one reference token (`~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string | number): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Builds a pointer from reference tokens: `pointer('states', 2, 'id')` → `/states/2/id`. */
export function pointer(...tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${escapePointerToken(t)}`).join('');
}

/** Appends tokens to an existing pointer. */
export function childPointer(base: string, ...tokens: readonly (string | number)[]): string {
  return base + pointer(...tokens);
}

/** Splits a pointer into its unescaped tokens; `undefined` when it is not a valid pointer. */
export function parsePointer(ptr: string): string[] | undefined {
  if (ptr === '') return [];
  if (!ptr.startsWith('/')) return undefined;
  return ptr
    .slice(1)
    .split('/')
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * Resolves a pointer in a JSON document, reading own properties only. `found` is false when
 * some token names nothing (an absent key, an out-of-range or malformed array index).
 */
export function resolvePointer(document: unknown, ptr: string): { found: boolean; value?: unknown } {
  const tokens = parsePointer(ptr);
  if (tokens === undefined) return { found: false };
  let current: unknown = document;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return { found: false };
      const index = Number(token);
      if (index >= current.length) return { found: false };
      current = current[index] as unknown;
    } else if (current !== null && typeof current === 'object') {
      if (!Object.prototype.hasOwnProperty.call(current, token)) return { found: false };
      current = (current as Record<string, unknown>)[token];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}
