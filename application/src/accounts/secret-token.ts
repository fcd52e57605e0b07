import { createHash, randomBytes } from 'node:crypto';

/** A fresh random secret with a readable prefix (e.g. `cfs_` for sessions, `cft_` for API tokens). */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** sha256 in hex: secrets are stored only as this, so a database dump reveals no usable token. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
