import { createPublicKey, type KeyObject } from 'node:crypto';
import {
  buildPack,
  shippedPackInfo,
  SHIPPED_TEMPLATES_DIR,
  verifyPack,
  type PackInfo,
  type TemplatePack,
  type VerifyResult,
} from '@clauseflow/catalog';
import { parseDefinition, type Definition } from '@clauseflow/definition';
import type { ImportablePack } from '@clauseflow/runtime';
import type { DefinitionConformance } from './definition-conformance.ts';

/**
 * Verifies a pack file: shape, standard, signature (mandatory when `publicKey` is given),
 * hashes, that every template validates (parseDefinition) and meets what it claims
 * (checkDefinition).
 */
export function verifyTemplatePack(
  json: unknown,
  conformance: DefinitionConformance,
  publicKey?: KeyObject,
): VerifyResult {
  return verifyPack(json, {
    ...(publicKey ? { publicKey } : {}),
    validateTemplate: (template) =>
      parseDefinition(template)
        .issues.filter((issue) => issue.severity === 'error')
        .map((issue) => ({ path: issue.path, message: issue.message, code: issue.code })),
    checkConformance: (template) => {
      const parsed = parseDefinition(template);
      if (!parsed.definition) return [];
      return conformance
        .checkDefinition(parsed.definition)
        .problems.map((problem) => ({ path: problem.path, message: problem.message.en, code: problem.code }));
    },
  });
}

/** A verified pack as the runtime imports it (templates parsed, migrated to the current format). */
export function importablePack(pack: TemplatePack): ImportablePack {
  const { name, version, publisher, standard, requirementSet } = pack.manifest;
  return {
    manifest: { name, version, publisher, standard, requirementSet },
    templates: pack.templates.map((template) => parseDefinition(template).definition!),
  };
}

/** The public key in a PEM text, or undefined when none is configured. */
export function packPublicKey(pem: string | undefined): KeyObject | undefined {
  return pem && pem.trim() !== '' ? createPublicKey(pem) : undefined;
}

/** The manifest information of the shipped catalogue (`catalog/pack.json`). */
export const catalogPackInfo: () => PackInfo = shippedPackInfo;

/** Builds the shipped catalogue's pack from `catalog/pack.json` and `catalog/templates/<id>/definition.json`. */
export function buildCatalogPack(templates: readonly Definition[], privateKey?: KeyObject): TemplatePack {
  return buildPack(catalogPackInfo(), templates, privateKey);
}

/** Where the shipped templates live. */
export const CATALOG_TEMPLATES = SHIPPED_TEMPLATES_DIR;
