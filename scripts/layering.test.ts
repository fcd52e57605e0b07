import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of the README's "Layers" section, checked on the source text:
 * - only the composition root of `server/src` talks to the database: no other server file imports
 *   `mongodb` or names a collection (`.collection(`); the application layer owns every collection,
 *   and server tests see stored data only through `@clauseflow/application/testing`;
 * - no file reaches into another workspace package by a relative path (packages import each other
 *   by name, through their `exports`).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const COMPOSITION_ROOT = new Set(['server/src/app.ts', 'server/src/main.ts']);
const PACKAGE_ROOTS = [
  'packages/common',
  'packages/definition',
  'packages/conformance',
  'packages/embedded-db',
  'application',
  'runtime',
  'server',
  'catalog',
  'designer',
];
/** Folders checked besides the packages: the test harness in scripts/ may be reached by relative path. */
const SCANNED = [...PACKAGE_ROOTS, 'scripts'];

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name) && !name.startsWith('__probe__')) out.push(path);
  }
  return out;
}

function packageOf(file: string): string | undefined {
  const rel = relative(root, file).split(sep).join('/');
  return PACKAGE_ROOTS.find((pkg) => rel === pkg || rel.startsWith(`${pkg}/`));
}

/** Files of `server/src` that touch the database directly. */
function databaseOffenders(): string[] {
  return sourceFiles(join(root, 'server', 'src'))
    .map((file) => relative(root, file).split(sep).join('/'))
    .filter((rel) => !COMPOSITION_ROOT.has(rel))
    .filter((rel) => {
      const text = readFileSync(join(root, rel), 'utf8');
      return /from\s+'mongodb'/.test(text) || /\.collection\s*[<(]/.test(text);
    })
    .sort();
}

/** Files that name a path inside another workspace package relatively (imports and `new URL(...)`). */
function relativeReachOffenders(): string[] {
  const offenders: string[] = [];
  for (const pkg of SCANNED) {
    const folder = join(root, pkg);
    for (const file of sourceFiles(folder)) {
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*|new URL\(\s*)'(\.\.?\/[^']*)'/g)].map((m) => m[1]!);
      const escapes = specifiers.some((spec) => {
        const target = resolve(dirname(file), spec);
        const targetPackage = packageOf(target);
        return targetPackage !== undefined && targetPackage !== pkg;
      });
      if (escapes) offenders.push(relative(root, file).split(sep).join('/'));
    }
  }
  return offenders.sort();
}

describe('the layers', () => {
  it('given server/src, when a file other than the composition root imports mongodb or names a collection, then it is listed here', () => {
    expect(databaseOffenders()).toEqual([]);
  });

  it('given every package, when a file reaches into another package by a relative path, then it is listed here', () => {
    expect(relativeReachOffenders()).toEqual([]);
  });
});
