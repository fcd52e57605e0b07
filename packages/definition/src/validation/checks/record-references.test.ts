/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   the case deliberately breaks the definition's types: it mutates a loosely typed copy. */
import { describe, expect, test } from 'vitest';
import { localizeIssue } from '../issue.ts';
import { parseDefinition } from '../parse-definition.ts';
import { incidentExample } from '../test-definitions.ts';
import { checkReferencedProcesses } from './record-references.ts';

/** Loose access for mutating a cloned example into a broken one. */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ref = (process: string, many = false) => ({
  'x-label': { en: 'Configuration item', zh: 'Configuration item' },
  'x-ref': many ? { process, many } : { process },
});

describe('checkReferencedProcesses', () => {
  test('given record references to an unpublished process, its own process and a published one, when checked at publish, then only the unpublished one is UNKNOWN_REFERENCED_PROCESS', () => {
    const d = incidentExample() as Loose;
    d.record.schema.properties.ci = { ...ref('cmdb-ci'), type: 'string' };
    d.record.schema.properties.parent = { ...ref('incident'), type: 'string' };
    d.record.schema.properties.knownErrors = { ...ref('known-error', true), type: 'array', items: { type: 'string' } };
    d.record.schema.properties.bad = { ...ref('Not_A_Key'), type: 'string' };
    const parsed = parseDefinition(d);
    expect(parsed.definition).toBeDefined();
    const issues = checkReferencedProcesses(parsed.definition!, new Set(['known-error']));
    expect(issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ['UNKNOWN_REFERENCED_PROCESS', '/record/schema/properties/ci/x-ref/process', { field: 'ci', process: 'cmdb-ci' }],
    ]);
    expect(localizeIssue(issues[0]!, 'zh')).toBe('字段“ci”引用流程“cmdb-ci”的记录，但该流程尚未发布。');
    expect(checkReferencedProcesses(parsed.definition!, new Set(['known-error', 'cmdb-ci']))).toEqual([]);
  });
});
