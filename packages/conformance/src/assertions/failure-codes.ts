import { defineCodeCatalogue, formatLocalized, type LocalizedText } from '@clauseflow/common';
import texts from './failure-codes.json' with { type: 'json' };

/**
 * The catalogue of conformance failure codes: every way an assertion or a claim can fail, with
 * its explanation in English and Simplified Chinese. `{name}` placeholders are filled from the
 * failure's params. One file for the conformance layer (its texts are data: failure-codes.json);
 * each code is documented and tested.
 */
export const CONFORMANCE_FAILURE_CODES = defineCodeCatalogue('conformance failures', texts);

/** A conformance failure code. */
export type ConformanceFailureCode = keyof typeof CONFORMANCE_FAILURE_CODES;

/** Fills `{name}` placeholders of a catalogue text; unknown names stay visible. */
export function formatFailure(code: ConformanceFailureCode, params: Readonly<Record<string, string>>): LocalizedText {
  return formatLocalized(CONFORMANCE_FAILURE_CODES[code], params);
}
