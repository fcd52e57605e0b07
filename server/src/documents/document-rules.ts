import { fieldError, ProblemError, type FieldError } from '../errors/problem-error.ts';
import type { DocumentOrigin, DocumentSource } from './document-model.ts';

/** Field errors for a source given (or not) on a document of `origin`, with pointers at `pointer`. */
export function sourceErrors(
  origin: DocumentOrigin,
  source: DocumentSource | undefined,
  pointer: string,
): FieldError[] {
  if (origin === 'internal') {
    return source ? [fieldError('INVALID_VALUE', pointer, 'An internal document has no outside source.', 'body')] : [];
  }
  if (!source) return [];
  if (source.edition === undefined && source.receivedOn === undefined) {
    return [
      fieldError(
        'MISSING_FIELD',
        `${pointer}/edition`,
        'An external source needs its edition, the date it was received, or both.',
        'body',
      ),
    ];
  }
  return [];
}

/** Throws DOCUMENT_INVALID (422) listing `errors`, when there are any. */
export function assertNoDocumentErrors(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw new ProblemError('DOCUMENT_INVALID', errors[0]!.message, { errors: [...errors] });
}
