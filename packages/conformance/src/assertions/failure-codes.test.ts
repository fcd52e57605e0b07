import { describe, expect, it } from 'vitest';
import { CONFORMANCE_FAILURE_CODES } from './failure-codes.ts';

describe('the conformance failure code catalogue', () => {
  for (const [code, text] of Object.entries(CONFORMANCE_FAILURE_CODES)) {
    it(`given ${code}, then it is UPPER_SNAKE_CASE and documented in English and Chinese with the same placeholders`, () => {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(text.en.length).toBeGreaterThan(10);
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
      const names = (s: string) => [...s.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();
      expect(names(text.zh)).toEqual(names(text.en));
    });
  }
});
