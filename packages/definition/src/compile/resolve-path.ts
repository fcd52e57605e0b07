/**
 * Resolves a json-rules-engine path (`$.a.b`) by reading own properties only, so prototype
 * keys such as `__proto__` or `constructor` never resolve to anything.
 */
export function resolveOwnPath(value: unknown, path: string): unknown {
  if (path === '' || path === '$') return value;
  if (!path.startsWith('$.')) return undefined;
  let current: unknown = value;
  for (const key of path.slice(2).split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Copies the own enumerable properties of the given objects (later ones win) into a
 * prototype-less object: json-rules-engine enumerates runtime facts with `for…in`.
 */
export function ownFacts(...sources: Readonly<Record<string, unknown>>[]): Record<string, unknown> {
  const facts = Object.create(null) as Record<string, unknown>;
  for (const source of sources) {
    for (const key of Object.keys(source)) {
      const value = source[key];
      // A function would become a dynamic fact; definitions and record data are JSON only.
      if (typeof value !== 'function') facts[key] = value;
    }
  }
  return facts;
}

/** Sets an own data property, even for keys such as `__proto__` (plain assignment would change the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
