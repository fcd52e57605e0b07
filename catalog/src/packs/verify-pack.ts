import type { KeyObject } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { templateHash } from './build-pack.ts';
import { PACK_ERROR_CODES, type PackErrorCode, type PackIssue } from './pack-error-codes.ts';
import { KNOWN_STANDARDS, TemplatePack } from './pack-format.ts';
import { verifyManifestSignature } from './pack-signature.ts';

/** A problem a template validator or conformance check reports, with a pointer into the template. */
export interface TemplateProblem {
  path: string;
  message: string;
  code?: string;
}

export interface VerifyOptions {
  /** When set, the pack must carry a valid ed25519 signature by this key. */
  publicKey?: KeyObject;
  /** Error-severity validation problems of one template (parseDefinition's). */
  validateTemplate: (template: unknown) => TemplateProblem[];
  /** Failed conformance verdicts of one valid template. */
  checkConformance?: (template: unknown) => TemplateProblem[];
}

export type VerifyResult = { ok: true; pack: TemplatePack; issues: [] } | { ok: false; issues: PackIssue[] };

const validatePackShape = new Ajv2020({ allErrors: true, strict: true }).compile<TemplatePack>(TemplatePack);

function issue(code: PackErrorCode, path: string, params?: Record<string, unknown>, detail?: string): PackIssue {
  return {
    code,
    path,
    message: detail ? `${PACK_ERROR_CODES[code].en} ${detail}` : PACK_ERROR_CODES[code].en,
    ...(params ? { params } : {}),
  };
}

function templateKeyOf(template: unknown): { key?: unknown; version?: unknown } {
  return typeof template === 'object' && template !== null ? template : {};
}

/**
 * Verifies a pack file: its shape, its standard, its signature, that every template matches
 * its manifest hash, validates, and meets the requirements it claims. Never throws on bad input.
 */
export function verifyPack(json: unknown, options: VerifyOptions): VerifyResult {
  if (!validatePackShape(json)) {
    return {
      ok: false,
      issues: (validatePackShape.errors ?? []).map((e) =>
        issue('PACK_SCHEMA_VIOLATION', e.instancePath, { keyword: e.keyword }, e.message),
      ),
    };
  }
  const pack = json;
  const issues: PackIssue[] = [];
  if (!(KNOWN_STANDARDS as readonly string[]).includes(pack.manifest.standard)) {
    issues.push(issue('PACK_UNKNOWN_STANDARD', '/manifest/standard', { standard: pack.manifest.standard }));
  }
  if (options.publicKey) {
    if (!pack.signature) issues.push(issue('PACK_SIGNATURE_MISSING', '/signature'));
    else if (!verifyManifestSignature(pack.manifest, pack.signature, options.publicKey)) {
      issues.push(issue('PACK_BAD_SIGNATURE', '/signature'));
    }
  }

  const listed = new Set<number>();
  pack.manifest.templates.forEach((entry, i) => {
    const index = pack.templates.findIndex((t) => {
      const { key, version } = templateKeyOf(t);
      return key === entry.key && version === entry.version;
    });
    if (index < 0) {
      issues.push(
        issue('PACK_TEMPLATE_MISSING', `/manifest/templates/${i}`, { key: entry.key, version: entry.version }),
      );
      return;
    }
    listed.add(index);
    if (templateHash(pack.templates[index]) !== entry.sha256) {
      issues.push(issue('PACK_HASH_MISMATCH', `/templates/${index}`, { key: entry.key, expected: entry.sha256 }));
    }
  });
  pack.templates.forEach((template, index) => {
    if (!listed.has(index)) {
      issues.push(issue('PACK_TEMPLATE_MISSING', `/templates/${index}`, { key: templateKeyOf(template).key }));
      return;
    }
    const problems = options.validateTemplate(template);
    for (const p of problems) {
      issues.push(issue('PACK_TEMPLATE_INVALID', `/templates/${index}${p.path}`, { code: p.code }, p.message));
    }
    if (problems.length === 0 && options.checkConformance) {
      for (const p of options.checkConformance(template)) {
        issues.push(issue('PACK_CONFORMANCE_FAILED', `/templates/${index}${p.path}`, { code: p.code }, p.message));
      }
    }
  });
  return issues.length === 0 ? { ok: true, pack, issues: [] } : { ok: false, issues };
}
