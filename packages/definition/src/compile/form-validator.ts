import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from './form-schema.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** A data validation problem, as plain data (JSON Pointer into the validated data). */
export interface DataProblem {
  code: 'DATA_INVALID';
  path: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

/** The outcome of validating data against a form or the record. */
export type DataValidation = { valid: true } | { valid: false; problems: DataProblem[] };

/** A validator compiled once. */
export type DataValidator = (data: unknown) => DataValidation;

/**
 * One ajv instance per compiled definition. Not strict: the definition was validated already and
 * a record schema may use keywords ajv only annotates; the format's own annotations are declared.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
  addFormats(ajv);
  for (const keyword of ['x-label', 'x-tags', 'x-help'])
    ajv.addKeyword({ keyword, schemaType: ['object', 'array', 'string'] });
  return ajv;
}

/** Compiles a JSON Schema into a validator returning problems as data. */
export function compileValidator(ajv: Ajv2020, schema: JsonSchema): DataValidator {
  const validate: ValidateFunction = ajv.compile(schema);
  return (data) => {
    if (validate(data)) return { valid: true };
    return { valid: false, problems: (validate.errors ?? []).map(toProblem) };
  };
}

function toProblem(error: ErrorObject): DataProblem {
  // A missing or an unknown property is reported at the property's own location.
  const missing =
    error.keyword === 'required'
      ? (error.params as { missingProperty?: string }).missingProperty
      : error.keyword === 'additionalProperties'
        ? (error.params as { additionalProperty?: string }).additionalProperty
        : undefined;
  return {
    code: 'DATA_INVALID',
    path:
      missing === undefined
        ? error.instancePath
        : `${error.instancePath}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    keyword: error.keyword,
    message: error.message ?? error.keyword,
    params: { ...error.params },
  };
}
