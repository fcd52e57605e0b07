/**
 * The one catalogue of HTTP problem codes. Every problem+json the server sends carries one of
 * these codes; `problem-codes.test.ts` checks each is documented in English and Chinese and
 * produced by at least one test.
 */

import { defineCodeCatalogue, type LocalizedText } from '@clauseflow/common';
import fieldErrorCodes from './field-error-codes.json' with { type: 'json' };
import problemCodes from './problem-codes.json' with { type: 'json' };

export type { LocalizedText };

/** One entry of the catalogue. */
export interface ProblemCodeSpec {
  status: number;
  title: LocalizedText;
  /** When the code is used (documentation for API consumers). */
  description: LocalizedText;
}

/**
 * Every problem code the HTTP API can answer with: its status, title and when it is used. The
 * texts are data (`problem-codes.json`), so translators edit one kind of file.
 */
export const PROBLEM_CODES = defineCodeCatalogue('problem', problemCodes) satisfies Record<string, ProblemCodeSpec>;

/** A problem code from the catalogue. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Codes of the individual entries in a problem's `errors` list (texts in `field-error-codes.json`). */
export const FIELD_ERROR_CODES = defineCodeCatalogue('field error', fieldErrorCodes);

/** A code of one entry in a problem's `errors` list. */
export type FieldErrorCode = keyof typeof FIELD_ERROR_CODES;

/** The problem's `type`: a URN per code, documented in the OpenAPI document's description. */
export function problemTypeUri(code: ProblemCode): string {
  return `urn:clauseflow:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}
