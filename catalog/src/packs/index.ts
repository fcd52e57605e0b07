export { TemplatePack, PackManifest, PackSignature, KNOWN_STANDARDS } from './pack-format.ts';
export { PACK_ERROR_CODES, type PackErrorCode, type PackIssue } from './pack-error-codes.ts';
export { buildPack, templateHash, type PackInfo } from './build-pack.ts';
export { verifyPack, type VerifyOptions, type VerifyResult, type TemplateProblem } from './verify-pack.ts';
export { signManifest, verifyManifestSignature, keyIdOf } from './pack-signature.ts';
