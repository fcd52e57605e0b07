import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyServerOptions } from 'fastify';

// ajv-formats is CommonJS: its default export arrives under `.default` in some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const common: Options = {
  // Unknown fields must be refused, never silently dropped.
  removeAdditional: false,
  useDefaults: true,
  // Stop at the first error: cheaper, and one precise message is easier to act on.
  allErrors: false,
  // OpenAPI keywords such as `example` are annotations for the document, not for validation.
  strict: false,
};

type BuildValidator = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']
>;

/**
 * Fastify's validator compiler with two ajv instances: bodies are validated strictly (no type
 * coercion), while querystrings, params and headers, which arrive as text, are coerced.
 */
export const buildValidator: BuildValidator = (externalSchemas) => {
  const strictAjv = addFormats(new Ajv({ ...common, coerceTypes: false }));
  const coercingAjv = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));
  for (const schema of Object.values(externalSchemas ?? {})) {
    strictAjv.addSchema(schema);
    coercingAjv.addSchema(schema);
  }
  return ({ schema, httpPart }) => (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema as object);
};
