import canonicalize from 'canonicalize';

/**
 * Canonical JSON text (RFC 8785: sorted keys, no insignificant white space, normalised
 * numbers), so one definition always has one text and one sha256, whatever key order it arrived in.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}
