import Type from 'typebox';

/** The standards a pack may target; a manifest naming another is refused. */
export const KNOWN_STANDARDS = ['ISO/IEC 20000-1:2018'] as const;

const Semver = Type.String({
  pattern: '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?$',
  description: 'semantic version',
});
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

/** What a pack says about itself; the signature covers its canonical JSON, and through the hashes, every template. */
export const PackManifest = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }),
    version: Semver,
    publisher: Type.String({ minLength: 1, maxLength: 200 }),
    standard: Type.String({ minLength: 1, maxLength: 100 }),
    requirementSet: Type.Object(
      { id: Type.String({ minLength: 1, maxLength: 100 }), version: Semver },
      { additionalProperties: false },
    ),
    templates: Type.Array(
      Type.Object(
        {
          key: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }),
          version: Type.Integer({ minimum: 1 }),
          sha256: Sha256,
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type PackManifest = Type.Static<typeof PackManifest>;

/** An ed25519 signature over the manifest's canonical JSON. */
export const PackSignature = Type.Object(
  {
    algorithm: Type.Literal('ed25519'),
    /** sha256 of the public key (SPKI DER), hex: which key signed. */
    keyId: Sha256,
    value: Type.String({ minLength: 1, maxLength: 200, description: 'base64' }),
  },
  { additionalProperties: false },
);
export type PackSignature = Type.Static<typeof PackSignature>;

/** A template pack: one file holding a manifest, the templates, and optionally a signature. */
export const TemplatePack = Type.Object(
  {
    format: Type.Literal('clauseflow-pack/1'),
    manifest: PackManifest,
    /** Process definitions; validated by the definition schema during verification. */
    templates: Type.Array(Type.Unknown(), { maxItems: 500 }),
    signature: Type.Optional(PackSignature),
  },
  { additionalProperties: false },
);
export type TemplatePack = Type.Static<typeof TemplatePack>;
