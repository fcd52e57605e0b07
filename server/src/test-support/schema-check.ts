import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { ProblemDetailsSchema, type ProblemDetails } from '../errors/problem-schema.ts';

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/** An ajv for checking responses against their declared schemas in tests. */
export const testAjv = addFormats(new Ajv({ strict: false, allErrors: true }));

const compiled = new WeakMap<object, ValidateFunction>();

/** Throws unless `value` matches `schema` (errors listed). */
export function assertMatches(schema: object, value: unknown, label = 'value'): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = testAjv.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(value)) {
    throw new Error(
      `${label} does not match its schema: ${testAjv.errorsText(validate.errors)}\n${JSON.stringify(value)}`,
    );
  }
}

/** Asserts an RFC 9457 problem response and returns its body. */
export function expectProblem(response: LightMyRequestResponse, status: number, code: string): ProblemDetails {
  const body = response.json<ProblemDetails>();
  if (response.statusCode !== status || body.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${response.statusCode} ${response.body}`);
  }
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`problem content type expected, got ${String(response.headers['content-type'])}`);
  }
  assertMatches(ProblemDetailsSchema, body, `problem ${code}`);
  return body;
}
