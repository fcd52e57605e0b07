import type { LocalizedText } from '@clauseflow/common';
/** The one catalogue of template-pack verification codes, with their meaning in both languages. */
export const PACK_ERROR_CODES = {
  PACK_SCHEMA_VIOLATION: {
    en: 'The pack file does not have the shape of a ClauseFlow template pack.',
    zh: '模板包文件的结构不符合 ClauseFlow 模板包格式。',
  },
  PACK_UNKNOWN_STANDARD: {
    en: 'The manifest names a standard this platform does not know.',
    zh: '清单中指定的标准不受本平台支持。',
  },
  PACK_TEMPLATE_MISSING: {
    en: 'A template listed in the manifest is not in the pack, or the pack holds a template the manifest does not list.',
    zh: '清单中列出的模板不在包中，或包中含有清单未列出的模板。',
  },
  PACK_HASH_MISMATCH: {
    en: 'A template does not match the sha256 the manifest gives for it: it was altered after the pack was built.',
    zh: '模板与清单中给出的 sha256 不一致：模板在打包后被修改过。',
  },
  PACK_TEMPLATE_INVALID: {
    en: 'A template fails validation as a process definition.',
    zh: '模板未通过流程定义校验。',
  },
  PACK_CONFORMANCE_FAILED: {
    en: 'A template fails a conformance requirement it claims to meet.',
    zh: '模板未满足其声明符合的某项要求。',
  },
  PACK_SIGNATURE_MISSING: {
    en: 'A public key is configured, so the pack must be signed, but it carries no signature.',
    zh: '已配置公钥，模板包必须签名，但该包没有签名。',
  },
  PACK_BAD_SIGNATURE: {
    en: 'The signature does not verify with the configured public key.',
    zh: '签名无法用所配置的公钥验证。',
  },
} as const satisfies Record<string, LocalizedText>;

export type PackErrorCode = keyof typeof PACK_ERROR_CODES;

/** One problem found in a pack, located by a JSON Pointer into the pack file. */
export interface PackIssue {
  code: PackErrorCode;
  path: string;
  message: string;
  params?: Record<string, unknown>;
}
