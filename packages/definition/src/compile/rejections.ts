import { defineCodeCatalogue } from '@clauseflow/common';
import type { LocalizedText } from '../format/common.ts';
import texts from './rejection-codes.json' with { type: 'json' };

/**
 * Why `step()` refused an event. One catalogue for the stepping layer; each code is
 * documented in English and Chinese (the texts are data: rejection-codes.json; the runtime maps
 * the codes to HTTP problems).
 */
export const STEP_REJECTIONS = defineCodeCatalogue('step rejections', texts);

/** A rejection code of `step()`. */
export type StepRejectionCode = keyof typeof STEP_REJECTIONS;

/** A coded rejection, as data. */
export interface StepRejection {
  code: StepRejectionCode;
  message: LocalizedText;
  params: Record<string, unknown>;
}

/** Makes a rejection with its catalogued message. */
export function rejection(code: StepRejectionCode, params: Record<string, unknown> = {}): StepRejection {
  return { code, message: STEP_REJECTIONS[code], params };
}
