import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  RUNTIME_ERROR_CODES,
  RuntimeError,
  describeRuntimeError,
  isRuntimeError,
  type RuntimeErrorCode,
} from './runtime-error-codes.ts';

const SRC = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the runtime error code catalogue', () => {
  const codes = Object.keys(RUNTIME_ERROR_CODES) as RuntimeErrorCode[];

  it.each(codes)('given code %s, then it is UPPER_SNAKE_CASE and documented in English and Chinese', (code) => {
    expect(code).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/);
    const text = RUNTIME_ERROR_CODES[code];
    expect(text.en.length).toBeGreaterThan(20);
    expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(describeRuntimeError(code, 'zh')).toBe(text.zh);
  });

  it('given every RuntimeError the runtime source raises, then its code is in the catalogue', () => {
    const raised = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new RuntimeError\(\s*'([A-Z_]+)'/g)) raised.add(match[1]!);
    }
    expect(raised.size).toBeGreaterThan(5);
    for (const code of raised) expect(codes).toContain(code);
  });

  it('given a RuntimeError, then it carries its code, message and params, and isRuntimeError tells it apart', () => {
    const error = new RuntimeError('CONFLICT', 'seq 4 is taken', { seq: 4 });
    expect(error.message).toBe('CONFLICT: seq 4 is taken');
    expect(error.params).toEqual({ seq: 4 });
    expect(isRuntimeError(error)).toBe(true);
    expect(isRuntimeError(error, 'CONFLICT')).toBe(true);
    expect(isRuntimeError(error, 'NOT_FOUND')).toBe(false);
    expect(isRuntimeError(new Error('CONFLICT'))).toBe(false);
  });
});
