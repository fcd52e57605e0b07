import { createHash } from 'node:crypto';

// One canonical form everywhere: definitions, templates and events hash the same way.
export { canonicalJson } from '@clauseflow/definition';

/** Lower-case hex SHA-256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
