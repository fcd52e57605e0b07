import { DomainError, type FieldIssue } from '@clauseflow/common';
import type { DocumentOrigin, DocumentSource } from './document-model.ts';

/** A problem with one value of a request body, located by a JSON Pointer. */
export function bodyIssue(code: 'MISSING_FIELD' | 'INVALID_VALUE', path: string, message: string): FieldIssue {
  return { code, path, message, in: 'body' };
}

/** Field errors for a source given (or not) on a document of `origin`, with pointers at `pointer`. */
export function sourceErrors(
  origin: DocumentOrigin,
  source: DocumentSource | undefined,
  pointer: string,
): FieldIssue[] {
  if (origin === 'internal') {
    return source ? [bodyIssue('INVALID_VALUE', pointer, 'An internal document has no outside source.')] : [];
  }
  if (!source) return [];
  if (source.edition === undefined && source.receivedOn === undefined) {
    return [
      bodyIssue(
        'MISSING_FIELD',
        `${pointer}/edition`,
        'An external source needs its edition, the date it was received, or both.',
      ),
    ];
  }
  return [];
}

/** Throws DOCUMENT_INVALID (422) listing `errors`, when there are any. */
export function assertNoDocumentErrors(errors: readonly FieldIssue[]): void {
  if (errors.length > 0) throw new DomainError('DOCUMENT_INVALID', errors[0]!.message, { errors: [...errors] });
}
