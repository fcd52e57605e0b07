import { Type, type Static } from 'typebox';
import { FIELD_ERROR_CODES, PROBLEM_CODES, type FieldErrorCode, type ProblemCode } from './problem-codes.ts';

/** The media type of every error response. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** RFC 9457 problem details as this API sends them. */
export const ProblemDetailsSchema = Type.Object(
  {
    type: Type.String({ description: 'A URN naming the problem code.' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.String(),
    code: Type.Enum(Object.keys(PROBLEM_CODES) as ProblemCode[], {
      description: 'The catalogue code (server/src/errors/problem-codes.ts).',
    }),
    instance: Type.String({ description: 'The request path (without its query string).' }),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object(
          {
            code: Type.Enum(Object.keys(FIELD_ERROR_CODES) as FieldErrorCode[]),
            path: Type.String({ description: 'JSON Pointer into the request part named by `in`.' }),
            message: Type.String(),
            issue: Type.Optional(
              Type.String({ description: 'The underlying issue code (definition, conformance or PACK_* code).' }),
            ),
            in: Type.Optional(
              Type.Union([
                Type.Literal('body'),
                Type.Literal('querystring'),
                Type.Literal('params'),
                Type.Literal('headers'),
              ]),
            ),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    rejection: Type.Optional(
      Type.Object(
        {
          code: Type.String({ description: 'The step rejection code (ACTOR_NOT_ALLOWED, GUARD_FAILED, …).' }),
          message: Type.Object({ en: Type.String(), zh: Type.String() }, { additionalProperties: false }),
          params: Type.Record(Type.String(), Type.Unknown()),
          trace: Type.Array(Type.Unknown(), { description: 'The rule trace up to the refusal.' }),
        },
        { additionalProperties: false, description: 'Why the process refused the action (RECORD_ACTION_REJECTED).' },
      ),
    ),
  },
  { additionalProperties: false, title: 'ProblemDetails' },
);

/** A problem+json body. */
export type ProblemDetails = Static<typeof ProblemDetailsSchema>;

/**
 * Response schemas for the given error statuses, declared as `application/problem+json`, to
 * spread into a route's `schema.response` so OpenAPI documents each one.
 */
export function problemResponses(...statuses: number[]): Record<number, unknown> {
  const responses: Record<number, unknown> = {};
  for (const status of statuses) {
    responses[status] = {
      description: `Problem (${status})`,
      content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemDetailsSchema } },
    };
  }
  return responses;
}
