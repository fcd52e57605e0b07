import { describe, expect, it } from 'vitest';
import {
  catalogueProblems,
  defineCodeCatalogue,
  DomainError,
  formatLocalized,
  formatText,
  isDomainError,
  languageOf,
} from './index.ts';

describe('bilingual text', () => {
  it('given placeholders, when formatted, then known names are filled and unknown ones stay visible', () => {
    expect(formatText('{a} and {b} of {c}', { a: 'x', b: 2 })).toBe('x and 2 of {c}');
    expect(formatLocalized({ en: 'Hi {who}', zh: '你好 {who}' }, { who: 'Li' })).toEqual({
      en: 'Hi Li',
      zh: '你好 Li',
    });
  });

  it('given a parameter named like an Object.prototype member, when formatted, then it is not taken from the prototype', () => {
    expect(formatText('{toString}', {})).toBe('{toString}');
  });

  it('given locales, when mapped to a language, then zh variants are Chinese and everything else English', () => {
    expect(languageOf('zh-CN')).toBe('zh');
    expect(languageOf('zh')).toBe('zh');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});

describe('code catalogues', () => {
  it('given a well-formed catalogue, when defined, then it is returned as it is', () => {
    const catalogue = defineCodeCatalogue('test', { SOME_CODE: { en: 'a', zh: '甲' } });
    expect(catalogue.SOME_CODE.zh).toBe('甲');
  });

  it('given a bad code or a blank text, when defined, then it fails naming each problem', () => {
    expect(catalogueProblems({ badCode: { en: 'a', zh: 'b' }, GOOD: { description: { en: ' ', zh: '乙' } } })).toEqual([
      'badCode is not UPPER_SNAKE_CASE',
      'GOOD has no en text',
    ]);
    expect(() => defineCodeCatalogue('test', { X: { en: 'a', zh: '' } })).toThrow(/X has no zh text/);
  });
});

describe('the domain error', () => {
  it('given a code and options, when raised, then it carries them and is recognised', () => {
    const error = new DomainError('NOT_FOUND', 'No such record.', {
      params: { id: 'r1' },
      errors: [{ code: 'MISSING_FIELD', path: '/title', message: 'Missing.' }],
      retryAfterSeconds: 5,
    });
    expect(error).toBeInstanceOf(Error);
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such record.',
      params: { id: 'r1' },
      retryAfterSeconds: 5,
    });
    expect(error.errors?.[0]?.path).toBe('/title');
  });
});
