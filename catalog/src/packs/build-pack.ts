import { createHash, type KeyObject } from 'node:crypto';
import { canonicalJson, type Definition } from '@clauseflow/definition';
import type { PackManifest, TemplatePack } from './pack-format.ts';
import { signManifest } from './pack-signature.ts';

/** sha256 (hex) of a template's canonical JSON: key order and white space never change it. */
export function templateHash(template: unknown): string {
  return createHash('sha256').update(canonicalJson(template)).digest('hex');
}

export interface PackInfo {
  name: string;
  version: string;
  publisher: string;
  standard: string;
  requirementSet: { id: string; version: string };
}

/** Builds a pack from templates, signing the manifest when a private key is given. */
export function buildPack(info: PackInfo, templates: readonly Definition[], privateKey?: KeyObject): TemplatePack {
  const sorted = [...templates].sort((a, b) => a.key.localeCompare(b.key));
  const manifest: PackManifest = {
    ...info,
    templates: sorted.map((t) => ({ key: t.key, version: t.version, sha256: templateHash(t) })),
  };
  return {
    format: 'clauseflow-pack/1',
    manifest,
    templates: sorted,
    ...(privateKey ? { signature: signManifest(manifest, privateKey) } : {}),
  };
}
