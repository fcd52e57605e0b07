import { generateKeyPairSync } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { Definition } from '@clauseflow/definition';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import { buildPack, type PackInfo } from './build-pack.ts';
import { PACK_ERROR_CODES } from './pack-error-codes.ts';
import type { TemplatePack } from './pack-format.ts';
import { verifyPack, type TemplateProblem } from './verify-pack.ts';

const validateDefinition = new Ajv2020({ allErrors: true, strict: false }).compile(Definition);
/** Schema-level template validation for these tests (the CLI uses parseDefinition). */
function validateTemplate(template: unknown): TemplateProblem[] {
  return validateDefinition(template)
    ? []
    : (validateDefinition.errors ?? []).map((e) => ({
        path: e.instancePath,
        message: e.message ?? '',
        code: 'SCHEMA_VIOLATION',
      }));
}

const info: PackInfo = {
  name: 'test-pack',
  version: '1.0.0',
  publisher: 'ClauseFlow tests',
  standard: 'ISO/IEC 20000-1:2018',
  requirementSet: { id: 'iso-iec-20000-1-2018', version: '1.0.0' },
};
const signer = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const template = incident as unknown as Definition;
const copy = (pack: TemplatePack): TemplatePack => JSON.parse(JSON.stringify(pack)) as TemplatePack;

describe('verifyPack', () => {
  it('given a pack built and signed from valid templates, when verified with the signer’s public key, then it passes', () => {
    const pack = buildPack(info, [template], signer.privateKey);
    const result = verifyPack(copy(pack), { publicKey: signer.publicKey, validateTemplate });
    expect(result).toMatchObject({ ok: true, issues: [] });
    expect(pack.manifest.templates[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('given a template altered after the build, when verified, then PACK_HASH_MISMATCH points at that template', () => {
    const pack = copy(buildPack(info, [template]));
    (pack.templates[0] as Definition).title.en = 'Tampered';
    const result = verifyPack(pack, { validateTemplate });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'PACK_HASH_MISMATCH', path: '/templates/0' })]);
  });

  it('given a template that fails validation, when verified, then PACK_TEMPLATE_INVALID points into it', () => {
    const broken = { ...template, initialState: 42 } as unknown as Definition;
    const result = verifyPack(copy(buildPack(info, [broken])), { validateTemplate });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'PACK_TEMPLATE_INVALID', path: '/templates/0/initialState' }),
    ]);
  });

  it('given a manifest naming an unknown standard, when verified, then PACK_UNKNOWN_STANDARD', () => {
    const result = verifyPack(copy(buildPack({ ...info, standard: 'ISO 9999:2030' }, [template])), {
      validateTemplate,
    });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'PACK_UNKNOWN_STANDARD', path: '/manifest/standard' }),
    ]);
  });

  it('given a pack signed by another key, when verified with the configured key, then PACK_BAD_SIGNATURE', () => {
    const result = verifyPack(copy(buildPack(info, [template], stranger.privateKey)), {
      publicKey: signer.publicKey,
      validateTemplate,
    });
    expect(result.issues).toEqual([expect.objectContaining({ code: 'PACK_BAD_SIGNATURE', path: '/signature' })]);
  });

  it('given a signed manifest changed after signing, when verified, then PACK_BAD_SIGNATURE', () => {
    const pack = copy(buildPack(info, [template], signer.privateKey));
    pack.manifest.version = '9.9.9';
    const result = verifyPack(pack, { publicKey: signer.publicKey, validateTemplate });
    expect(result.issues.map((i) => i.code)).toEqual(['PACK_BAD_SIGNATURE']);
  });

  it('given a configured key and an unsigned pack, when verified, then PACK_SIGNATURE_MISSING', () => {
    const result = verifyPack(copy(buildPack(info, [template])), { publicKey: signer.publicKey, validateTemplate });
    expect(result.issues.map((i) => i.code)).toEqual(['PACK_SIGNATURE_MISSING']);
  });

  it('given a manifest entry without its template and a stray template, when verified, then both are PACK_TEMPLATE_MISSING', () => {
    const pack = copy(buildPack(info, [template]));
    pack.templates = [{ ...template, key: 'stray' }];
    const result = verifyPack(pack, { validateTemplate });
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['PACK_TEMPLATE_MISSING', '/manifest/templates/0'],
      ['PACK_TEMPLATE_MISSING', '/templates/0'],
    ]);
  });

  it('given something that is not a pack, when verified, then PACK_SCHEMA_VIOLATION and no throw', () => {
    for (const junk of [null, 42, 'pack', [], { format: 'clauseflow-pack/1' }, { manifest: { __proto__: {} } }]) {
      const result = verifyPack(junk, { validateTemplate });
      expect(result.ok).toBe(false);
      expect(result.issues[0]?.code).toBe('PACK_SCHEMA_VIOLATION');
    }
  });

  it('given a template that fails a claimed requirement, when verified with a conformance check, then PACK_CONFORMANCE_FAILED', () => {
    const result = verifyPack(copy(buildPack(info, [template])), {
      validateTemplate,
      checkConformance: () => [{ path: '/states', message: '8.6.1.a: no state records the incident', code: '8.6.1.a' }],
    });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'PACK_CONFORMANCE_FAILED', path: '/templates/0/states' }),
    ]);
  });
});

describe('PACK_ERROR_CODES', () => {
  it('documents every pack code in English and Chinese, and the tests above produce each of them', () => {
    expect(Object.keys(PACK_ERROR_CODES).sort()).toEqual([
      'PACK_BAD_SIGNATURE',
      'PACK_CONFORMANCE_FAILED',
      'PACK_HASH_MISMATCH',
      'PACK_SCHEMA_VIOLATION',
      'PACK_SIGNATURE_MISSING',
      'PACK_TEMPLATE_INVALID',
      'PACK_TEMPLATE_MISSING',
      'PACK_UNKNOWN_STANDARD',
    ]);
    for (const text of Object.values(PACK_ERROR_CODES)) {
      expect(text.en.length).toBeGreaterThan(10);
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
