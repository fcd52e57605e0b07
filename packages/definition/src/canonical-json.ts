/**
 * Canonical JSON text of a value: object keys sorted by UTF-16 code units at every level, no
 * whitespace, numbers and strings as `JSON.stringify` writes them (the RFC 8785 rules for the
 * values we store). A `Date` is written as `{"$date":"<ISO 8601>"}`, which no stored JSON can
 * produce because stored keys never start with `$`. Any other non-JSON value throws.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new TypeError('canonical JSON has no invalid Date');
        return `{"$date":${JSON.stringify(value.toISOString())}}`;
      }
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`canonical JSON has no ${value.constructor?.name ?? 'exotic'} values`);
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no ${typeof value} values`);
  }
}
