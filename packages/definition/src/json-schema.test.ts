import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import incident from '../examples/incident.json' with { type: 'json' };
import published from '../schema/definition.schema.json' with { type: 'json' };
import { definitionJsonSchemaText } from './json-schema.ts';

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

describe('the published JSON Schema of the definition format', () => {
  test('given the TypeBox source, then schema/definition.schema.json is up to date', () => {
    // Compared as JSON: the published file is also formatted by Prettier.
    expect(
      published,
      'schema/definition.schema.json is stale: run `pnpm --filter @clauseflow/definition schema` (then prettier --write it)',
    ).toEqual(JSON.parse(definitionJsonSchemaText()));
  });

  test('given Ajv2020 in strict mode, when the published schema is compiled, then it compiles and the incident example validates', () => {
    const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }));
    const validate = ajv.compile(published);
    expect(validate(incident), JSON.stringify(validate.errors)).toBe(true);
  });

  test('given a definition missing its states, when validated with the published schema, then it is refused', () => {
    const ajv = addFormats(new Ajv2020({ strict: true }));
    const validate = ajv.compile(published);
    const { states: _states, ...withoutStates } = incident;
    expect(validate(withoutStates)).toBe(false);
  });
});
