import type { LocalizedText, TextParams } from './localized-text.ts';

/** One problem with one value of the input, located by a JSON Pointer. */
export interface FieldIssue {
  /** A field-level code (e.g. MISSING_FIELD, DEFINITION_ISSUE). */
  code: string;
  /** JSON Pointer to the offending value, relative to the part named by `in`. */
  path: string;
  message: string;
  /** The underlying issue code (a definition issue, conformance failure or PACK_* code). */
  issue?: string;
  in?: 'body' | 'querystring' | 'params' | 'headers';
}

/** A {@link FieldIssue} (by default about the request body). */
export function fieldIssue(code: string, path: string, message: string, part: FieldIssue['in'] = 'body'): FieldIssue {
  return { code, path, message, ...(part ? { in: part } : {}) };
}

/** What a domain error may carry besides its code. */
export interface DomainErrorOptions {
  /** Values that fill the catalogue text's placeholders, and context for the caller. */
  params?: TextParams;
  /** The text in both languages when it says more than the catalogue's (already filled). */
  text?: LocalizedText;
  /** Problems with individual input values. */
  errors?: FieldIssue[];
  /** Why a process refused an action on a record: its code, message, parameters and rule trace. */
  rejection?: DomainRejection;
  /** Seconds after which a retry may succeed (rate limits, lockouts, overload). */
  retryAfterSeconds?: number;
  /** Methods the resource does allow (a refused method). */
  allow?: readonly string[];
  cause?: unknown;
}

/** A process's refusal of an action on a record, with the rule trace that decided it. */
export interface DomainRejection {
  code: string;
  message: LocalizedText;
  params: Record<string, unknown>;
  trace: unknown[];
}

/**
 * The one coded error of every layer below HTTP: a catalogue code, parameters and, optionally,
 * localized text and per-field issues. Domain code throws it; only the HTTP layer turns it into
 * problem+json (its status comes from one table there), and the CLI into a message and an exit code.
 */
export class DomainError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly params: TextParams;
  readonly text: LocalizedText | undefined;
  readonly errors: FieldIssue[] | undefined;
  readonly rejection: DomainRejection | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly allow: readonly string[] | undefined;

  constructor(code: Code, detail?: string, options: DomainErrorOptions = {}) {
    super(detail ?? options.text?.en ?? code, options.cause === undefined ? {} : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.params = options.params ?? {};
    this.text = options.text;
    this.errors = options.errors;
    this.rejection = options.rejection;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.allow = options.allow;
  }
}

/** True for a {@link DomainError}, also one raised by another copy of this module. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError || (error instanceof Error && error.name === 'DomainError' && 'code' in error);
}

/** Escapes one JSON Pointer reference token (RFC 6901). */
export function pointerToken(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}
