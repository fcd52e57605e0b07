import { isDomainError, type DomainError } from '@clauseflow/common';
import type { FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '@clauseflow/application';
import { PROBLEM_CODES, problemTypeUri, type ProblemCode } from './problem-codes.ts';
import { fieldError, pointerToken, ProblemError, type FieldError } from './problem-error.ts';
import type { ProblemDetails } from './problem-schema.ts';

/** An ajv error as Fastify attaches it to `error.validation`. */
interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

const BY_STATUS: Record<number, ProblemCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

type ValidationPart = NonNullable<FieldError['in']>;

/** Maps one ajv error to a field error with a JSON Pointer to the offending value. */
export function ajvToFieldError(error: AjvError, part: ValidationPart): FieldError {
  const base = error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      return fieldError('UNKNOWN_FIELD', `${base}/${pointerToken(key)}`, `Unknown field "${key}".`, part);
    }
    case 'required': {
      const key = String(error.params['missingProperty']);
      return fieldError('MISSING_FIELD', `${base}/${pointerToken(key)}`, `Missing required field "${key}".`, part);
    }
    case 'type':
      return fieldError('WRONG_TYPE', base, `Must be ${String(error.params['type'])}.`, part);
    default:
      return fieldError('INVALID_VALUE', base, error.message ?? 'Invalid value.', part);
  }
}

/** Turns anything thrown while handling a request into a ProblemError; never a 5xx for client input. */
export function toProblemError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (isDomainError(error)) return fromDomainError(error);
  const e = (error ?? {}) as {
    code?: string;
    statusCode?: number;
    validation?: AjvError[];
    validationContext?: string;
    message?: string;
  };
  if (Array.isArray(e.validation)) {
    const part = (e.validationContext ?? 'body') as ValidationPart;
    const errors = e.validation.map((item) => ajvToFieldError(item, part));
    const first = errors[0];
    return new ProblemError(
      'VALIDATION_FAILED',
      first ? `${part} ${first.path || '/'}: ${first.message}` : `The ${part} does not match the schema.`,
      { errors },
    );
  }
  if (isDatabaseUnavailable(error)) {
    return new ProblemError('SERVICE_UNAVAILABLE', PROBLEM_CODES.SERVICE_UNAVAILABLE.description.en, { cause: error });
  }
  const mapped = e.code ? FASTIFY_CODES[e.code] : undefined;
  if (mapped) return new ProblemError(mapped, e.message, { cause: error });
  const status = e.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return new ProblemError(BY_STATUS[status] ?? 'BAD_REQUEST', e.message, { cause: error });
  }
  return new ProblemError('INTERNAL_ERROR', undefined, { cause: error });
}

/**
 * The HTTP face of a domain error: its code's status from the one table (`PROBLEM_CODES`), its
 * field issues, rejection and retry hints as problem members and headers. A code the table does
 * not know is a bug, reported as INTERNAL_ERROR (never leaked).
 */
export function fromDomainError(error: DomainError): ProblemError {
  if (!Object.hasOwn(PROBLEM_CODES, error.code)) return new ProblemError('INTERNAL_ERROR', undefined, { cause: error });
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds !== undefined)
    headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
  if (error.allow) headers['allow'] = error.allow.join(', ');
  return new ProblemError(error.code as ProblemCode, error.message, {
    cause: error,
    headers,
    ...(error.errors ? { errors: error.errors as FieldError[] } : {}),
    ...(error.rejection ? { rejection: error.rejection } : {}),
  });
}

/** The language for problem titles: the user's locale, else Accept-Language. */
export function requestLanguage(request: FastifyRequest): 'en' | 'zh' {
  const locale = (request as { user?: { locale?: string } | null }).user?.locale;
  if (locale === 'zh' || locale === 'en') return locale;
  return /^\s*zh\b/i.test(request.headers['accept-language'] ?? '') ? 'zh' : 'en';
}

/** The RFC 9457 body for a problem raised by `request`. */
export function problemBody(problem: ProblemError, request: FastifyRequest): ProblemDetails {
  const entry = PROBLEM_CODES[problem.code];
  const language = requestLanguage(request);
  // Internal failures never leak their message; everything else says what was wrong.
  const detail = problem.code === 'INTERNAL_ERROR' ? entry.description[language] : problem.message;
  return {
    type: problemTypeUri(problem.code),
    title: entry.title[language],
    status: entry.status,
    detail,
    code: problem.code,
    instance: request.url.split('?')[0] ?? '/',
    requestId: String(request.id),
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...(problem.rejection ? { rejection: problem.rejection } : {}),
  };
}
