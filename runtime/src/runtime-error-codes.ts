/**
 * The one catalogue of runtime failure codes. Every {@link RuntimeError} and every coded
 * outcome of the runtime's stores carries one of these codes; `runtime-error-codes.test.ts`
 * checks each is documented in English and Chinese and that the source uses no other code.
 */

import { defineCodeCatalogue, type LocalizedText } from '@clauseflow/common';
import texts from './runtime-error-codes.json' with { type: 'json' };

/** Every failure code the runtime produces, with what it means (the texts are data, in the JSON beside this file). */
export const RUNTIME_ERROR_CODES = defineCodeCatalogue('runtime', texts);

/** A runtime failure code. */
export type RuntimeErrorCode = keyof typeof RUNTIME_ERROR_CODES;

/** The description of a code in the requested language. */
export function describeRuntimeError(code: RuntimeErrorCode, lang: keyof LocalizedText = 'en'): string {
  return RUNTIME_ERROR_CODES[code][lang];
}

/** A coded failure of the runtime; `params` carries the data a caller needs to react. */
export class RuntimeError extends Error {
  readonly code: RuntimeErrorCode;
  readonly params: Readonly<Record<string, unknown>>;

  constructor(code: RuntimeErrorCode, message: string, params: Record<string, unknown> = {}) {
    super(`${code}: ${message}`);
    this.name = 'RuntimeError';
    this.code = code;
    this.params = params;
  }
}

/** True when `error` is a {@link RuntimeError}, optionally with the given code. */
export function isRuntimeError(error: unknown, code?: RuntimeErrorCode): error is RuntimeError {
  return error instanceof RuntimeError && (code === undefined || error.code === code);
}
