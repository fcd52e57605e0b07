import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '@clauseflow/definition';
import type { PackManifest, PackSignature } from './pack-format.ts';

/** sha256 (hex) of a public key's SPKI DER encoding: names the key without shipping it. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** Signs the manifest's canonical JSON with an ed25519 private key. */
export function signManifest(manifest: PackManifest, privateKey: KeyObject): PackSignature {
  const value = sign(null, Buffer.from(canonicalJson(manifest)), privateKey).toString('base64');
  return { algorithm: 'ed25519', keyId: keyIdOf(createPublicKey(privateKey)), value };
}

/** True when the signature was made over this manifest by the private half of `publicKey`. */
export function verifyManifestSignature(
  manifest: PackManifest,
  signature: PackSignature,
  publicKey: KeyObject,
): boolean {
  if (signature.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(null, Buffer.from(canonicalJson(manifest)), publicKey, Buffer.from(signature.value, 'base64'));
  } catch {
    return false;
  }
}
