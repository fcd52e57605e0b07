import { FIELD_ERROR_CODES, PROBLEM_CODES, type FieldErrorCode, type ProblemCode } from './problem-codes.ts';
import type { LocalizedText } from '@clauseflow/common';

/** One entry of a problem's `errors` list. `path` is a JSON Pointer into the part named by `in`. */
export interface FieldError {
  code: FieldErrorCode;
  path: string;
  message: string;
  /** The underlying issue code (a definition issue, conformance failure or PACK_* code). */
  issue?: string;
  in?: 'body' | 'querystring' | 'params' | 'headers';
}

/** A process's refusal of an action on a record: its code, message, parameters and rule trace. */
export interface ProblemRejection {
  code: string;
  message: LocalizedText;
  params: Record<string, unknown>;
  trace: unknown[];
}

/**
 * An error that becomes an RFC 9457 problem+json response with its catalogue code. Throw it
 * from any route, hook or service; the error-handler plugin renders it.
 */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly statusCode: number;
  readonly errors: FieldError[] | undefined;
  /** Extra response headers (e.g. `Allow`, `Retry-After`). */
  readonly headers: Record<string, string>;
  /** Why a record's process refused an action: the step's rejection and its rule trace. */
  readonly rejection: ProblemRejection | undefined;

  constructor(
    code: ProblemCode,
    detail?: string,
    options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      cause?: unknown;
      rejection?: ProblemRejection;
    } = {},
  ) {
    super(detail ?? PROBLEM_CODES[code].title.en, options.cause === undefined ? {} : { cause: options.cause });
    this.name = 'ProblemError';
    this.code = code;
    this.statusCode = PROBLEM_CODES[code].status;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.rejection = options.rejection;
  }
}

/** A field error with the catalogue's English message unless one is given. */
export function fieldError(code: FieldErrorCode, path: string, message?: string, part?: FieldError['in']): FieldError {
  return { code, path, message: message ?? FIELD_ERROR_CODES[code].en, ...(part ? { in: part } : {}) };
}

/** Escapes one JSON Pointer reference token (RFC 6901). */
export function pointerToken(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}
