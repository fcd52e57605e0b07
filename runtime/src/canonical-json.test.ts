import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './canonical-json.ts';

describe('canonical JSON', () => {
  it('given objects with the same content in any key order, then the text is the same, keys sorted at every level', () => {
    const a = canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true } });
    const b = canonicalJson({ a: { c: true, d: [1, 'x', null] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
  });

  it('given a Date, then it is tagged so it never equals the same text as a string', () => {
    const at = new Date('2026-01-09T09:00:00.000Z');
    expect(canonicalJson({ at })).toBe('{"at":{"$date":"2026-01-09T09:00:00.000Z"}}');
    expect(canonicalJson({ at })).not.toBe(canonicalJson({ at: at.toISOString() }));
  });

  it('given values JSON cannot express, then it throws', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    expect(() => canonicalJson({ m: new Map() })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
  });

  it('given a text, then sha256Hex is the standard digest', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
