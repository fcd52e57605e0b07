import { describe, expect, it } from 'vitest';
import incidentJson from '../../examples/incident.json';
import type { Condition } from '../format/condition.ts';
import type { Definition } from '../format/definition.ts';
import type { Form } from '../format/form.ts';
import { compile } from './compile.ts';
import { conditionToSchema, formJsonSchema, formUiSchema } from './form-schema.ts';
import { compileValidator, createAjv } from './form-validator.ts';

const definition = incidentJson as unknown as Definition;
const compiled = compile(definition);
const record = definition.record.schema;

describe('form schemas generated from the record schema', () => {
  it('given the triage form, when generated, then it holds exactly its fields, their record schemas and its required flags', () => {
    const schema = compiled.forms.get('triage')?.schema;
    expect(schema).toMatchObject({
      type: 'object',
      required: ['category', 'impact', 'urgency'],
      additionalProperties: false,
      properties: {
        impact: {
          type: 'string',
          enum: ['high', 'medium', 'low'],
          title: 'Impact',
          'x-label': { en: 'Impact', zh: '影响' },
        },
      },
    });
    expect(Object.keys(schema?.['properties'] as object)).toEqual(['category', 'impact', 'urgency']);
  });

  it('given the compiled validator, when data misses a required field or has an extra one, then problems come back with JSON Pointer paths', () => {
    const validate = compiled.forms.get('resolve')?.validate;
    expect(validate?.({ resolution: 'Fixed', closureCode: 'solved' })).toEqual({ valid: true });
    const bad = validate?.({ resolution: 'Fixed', closureCode: 'nope', extra: 1 });
    expect(bad?.valid).toBe(false);
    const paths = bad && !bad.valid ? bad.problems.map((p) => p.path) : [];
    expect(paths).toContain('/closureCode');
    const missing = validate?.({ closureCode: 'solved' });
    expect(missing && !missing.valid ? missing.problems[0] : undefined).toMatchObject({
      code: 'DATA_INVALID',
      path: '/resolution',
      keyword: 'required',
    });
  });

  it('given a form, when its UI schema is generated, then it has order, sections, widgets and labels in en and zh', () => {
    const ui = compiled.forms.get('report')?.ui;
    expect(ui?.order).toEqual(['title', 'description', 'impact', 'urgency']);
    expect(ui?.label).toEqual({ en: 'Report an incident', zh: '报告事件' });
    expect(ui?.sections[0]?.fields.map((f) => [f.field, f.widget, f.required])).toEqual([
      ['title', 'text', true],
      ['description', 'textarea', false],
      ['impact', 'select', true],
      ['urgency', 'select', true],
    ]);
    expect(ui?.sections[0]?.fields[2]).toMatchObject({
      label: { en: 'Impact', zh: '影响' },
      options: ['high', 'medium', 'low'],
    });
  });

  it('given a required field visible only under a condition, when validated, then it is required only while the condition holds', () => {
    const form = {
      id: 'f',
      label: { en: 'F', zh: 'F' },
      sections: [
        {
          id: 's',
          label: { en: 'S', zh: 'S' },
          fields: [
            { field: 'closureCode', required: true },
            {
              field: 'resolution',
              required: true,
              widget: 'textarea',
              visibleWhen: { all: [{ fact: 'closureCode', operator: 'in', value: ['solved', 'workaround'] }] },
            },
          ],
        },
      ],
    } as unknown as Form;
    const schema = formJsonSchema(form, record);
    expect(schema['required']).toEqual(['closureCode']);
    const validate = compileValidator(createAjv(), schema);
    expect(validate({ closureCode: 'duplicate' }).valid).toBe(true);
    expect(validate({ closureCode: 'solved' }).valid).toBe(false);
    expect(validate({ closureCode: 'solved', resolution: 'x' }).valid).toBe(true);
    expect(formUiSchema(form, record).sections[0]?.fields[1]?.visibleWhen).toEqual(
      form.sections[0]?.fields[1]?.visibleWhen,
    );
  });

  it('given conditions JSON Schema cannot express, when translated, then nothing is produced', () => {
    const c = (x: unknown) => conditionToSchema(x as Condition);
    expect(c({ fact: 'a', path: '$.b', operator: 'equal', value: 1 })).toBeUndefined();
    expect(c({ fact: 'a', operator: 'equal', value: { fact: 'b' } })).toBeUndefined();
    expect(c({ not: { fact: 'a', operator: 'greaterThan', value: 2 } })).toEqual({
      not: { properties: { a: { type: 'number', exclusiveMinimum: 2 } }, required: ['a'] },
    });
  });

  it('given record-reference fields, when a form is generated, then the JSON Schema keeps x-ref and the UI schema gets the record widget with the ref', () => {
    const withRefs = {
      ...record,
      properties: {
        ...record.properties,
        ci: { type: 'string', 'x-label': { en: 'Configuration item', zh: '配置项' }, 'x-ref': { process: 'cmdb-ci' } },
        knownErrors: {
          type: 'array',
          items: { type: 'string' },
          'x-label': { en: 'Known errors', zh: '已知错误' },
          'x-ref': { process: 'known-error', many: true },
        },
      },
    } as typeof record;
    const form = {
      id: 'link',
      label: { en: 'Link', zh: '关联' },
      sections: [
        { id: 's', label: { en: 'S', zh: 'S' }, fields: [{ field: 'ci', required: true }, { field: 'knownErrors' }] },
      ],
    } as unknown as Form;
    const schema = formJsonSchema(form, withRefs);
    expect(schema['properties']).toMatchObject({
      ci: { type: 'string', 'x-ref': { process: 'cmdb-ci' } },
      knownErrors: { type: 'array', 'x-ref': { process: 'known-error', many: true } },
    });
    expect(compileValidator(createAjv(), schema)({ ci: 'i_0123456789abcdef01234567', knownErrors: [] })).toEqual({
      valid: true,
    });
    const fields = formUiSchema(form, withRefs).sections[0]?.fields;
    expect(fields?.map((f) => [f.field, f.widget, f.ref])).toEqual([
      ['ci', 'record', { process: 'cmdb-ci', many: false }],
      ['knownErrors', 'record', { process: 'known-error', many: true }],
    ]);
    expect(formUiSchema(form, record).sections[0]?.fields.every((f) => f.ref === undefined)).toBe(true);
  });

  it('given the record validator, when data breaks the record schema, then it is reported', () => {
    expect(compiled.validateRecord({ title: 'x', impact: 'high', urgency: 'low' })).toEqual({ valid: true });
    expect(compiled.validateRecord({ title: 'x', impact: 'huge', urgency: 'low' }).valid).toBe(false);
  });
});
