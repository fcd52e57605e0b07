import { describe, expect, test } from 'vitest';
import { ISSUE_CODE_LIST, ISSUE_CODES } from './issue-codes.ts';
import { createIssue, localizeIssue } from './issue.ts';

describe('the issue catalogue', () => {
  test.each(ISSUE_CODE_LIST)(
    'given code %s, then it is UPPER_SNAKE_CASE and documented in English and Chinese',
    (code) => {
      const spec = ISSUE_CODES[code];
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(['error', 'warning']).toContain(spec.severity);
      for (const text of [spec.description, spec.message]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.zh).toMatch(/[\u4e00-\u9fff]|^\{\w+\}$/);
      }
      // Every placeholder in either language is a declared param.
      const placeholders = [...`${spec.message.en} ${spec.message.zh}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const name of placeholders) expect(spec.params).toContain(name);
    },
  );

  test('given an issue, when localized to zh, then the Chinese template is filled with its params', () => {
    const issue = createIssue('UNKNOWN_STATE', '/transitions/0/to', { id: 'triage' });
    expect(issue).toEqual({
      code: 'UNKNOWN_STATE',
      severity: 'error',
      path: '/transitions/0/to',
      message: 'Unknown state "triage".',
      params: { id: 'triage' },
    });
    expect(localizeIssue(issue, 'zh')).toBe('未知状态“triage”。');
    expect(localizeIssue(issue, 'en')).toBe(issue.message);
  });
});
