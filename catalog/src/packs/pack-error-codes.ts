import { defineCodeCatalogue } from '@clauseflow/common';
import texts from './pack-error-codes.json' with { type: 'json' };

/** The one catalogue of template-pack verification codes, with their meaning in both languages (pack-error-codes.json). */
export const PACK_ERROR_CODES = defineCodeCatalogue('pack verification', texts);

export type PackErrorCode = keyof typeof PACK_ERROR_CODES;

/** One problem found in a pack, located by a JSON Pointer into the pack file. */
export interface PackIssue {
  code: PackErrorCode;
  path: string;
  message: string;
  params?: Record<string, unknown>;
}
