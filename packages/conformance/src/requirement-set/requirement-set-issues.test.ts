import { describe, expect, it } from 'vitest';
import { isStatementId, parseRequirementId } from './requirement-id.ts';
import type { Requirement, RequirementSet } from './requirement-set.ts';
import { REQUIREMENT_SET_ISSUE_CODES, requirementSetIssues } from './requirement-set-issues.ts';

const text = { en: 'x', zh: '某' };

function req(id: string, clause: string, parent?: string): Requirement {
  return { id, clause, kind: 'process', title: text, text, ...(parent === undefined ? {} : { parent }) };
}

function set(...requirements: Requirement[]): RequirementSet {
  return { id: 'test', version: '1.0.0', standard: 'TEST', requirements };
}

describe('requirement ids', () => {
  it('split into clause, statement, letter and number', () => {
    expect(parseRequirementId('8.6.1-3')).toEqual({ clause: '8.6.1', statement: 3 });
    expect(parseRequirementId('8.6.1.a')).toEqual({ clause: '8.6.1', letter: 'a' });
    expect(parseRequirementId('6.1.2.a.3')).toEqual({ clause: '6.1.2', letter: 'a', number: 3 });
    expect(parseRequirementId('8.6.1-4.b')).toEqual({ clause: '8.6.1', statement: 4, letter: 'b' });
    expect(parseRequirementId('10-1')).toEqual({ clause: '10', statement: 1 });
  });

  it('reject what the scheme does not allow', () => {
    for (const bad of ['8.6.1.A', '8.6.1-0', '8..1', '8.6.1.ab', 'a.1', '8.6.1-1-2', '']) {
      expect(parseRequirementId(bad), bad).toBeNull();
    }
  });

  it('tell statements from items', () => {
    expect(isStatementId('8.6.1-1')).toBe(true);
    expect(isStatementId('8.6.1.a')).toBe(false);
    expect(isStatementId('nonsense')).toBe(false);
  });
});

describe('requirementSetIssues', () => {
  it('finds nothing wrong with a sound set', () => {
    const sound = set(
      req('6.1.2-1', '6.1.2'),
      req('6.1.2.a', '6.1.2', '6.1.2-1'),
      req('6.1.2.a.1', '6.1.2', '6.1.2.a'),
      req('6.1.2-2', '6.1.2'),
      req('6.1.2-2.a', '6.1.2', '6.1.2-2'),
      req('6.1.2-2.a.1', '6.1.2', '6.1.2-2.a'),
    );
    expect(requirementSetIssues(sound)).toEqual([]);
  });

  it('reports each kind of problem with its code and a pointer', () => {
    const broken = set(
      req('4.1-1', '4.1'),
      req('4.1-1', '4.1'),
      req('4.2-1', '4.1'),
      req('4.1.a', '4.1'),
      req('4.1.b', '4.1', '4.9-1'),
      req('4.1-2', '4.1', '4.1-1'),
      req('4.1.c', '4.1', '4.1.a'),
      req('4.1.d.1', '4.1', '4.1-1'),
      req('5.1.a', '5.1', '4.1-1'),
      req('4.1-3.a', '4.1', '4.1-1'),
    );
    expect(requirementSetIssues(broken).map((i) => [i.code, i.path])).toEqual([
      ['DUPLICATE_REQUIREMENT_ID', '/requirements/1/id'],
      ['CLAUSE_MISMATCH', '/requirements/2/clause'],
      ['MISSING_PARENT', '/requirements/3'],
      ['UNKNOWN_PARENT', '/requirements/4/parent'],
      ['UNEXPECTED_PARENT', '/requirements/5/parent'],
      ['WRONG_PARENT', '/requirements/6/parent'],
      ['WRONG_PARENT', '/requirements/7/parent'],
      ['WRONG_PARENT', '/requirements/8/parent'],
      ['WRONG_PARENT', '/requirements/9/parent'],
    ]);
  });

  it('documents every code it can report', () => {
    for (const [code, meaning] of Object.entries(REQUIREMENT_SET_ISSUE_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(meaning.length).toBeGreaterThan(10);
    }
  });
});
