import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every dotted key of a resource file, with its value. */
function entries(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, item]) => entries(item, prefix ? `${prefix}.${key}` : key));
}

/** The English and Chinese resource files side by side: src/locales/{en,zh}/*.json and each area's locales/. */
function pairs(): { name: string; en: string; zh: string }[] {
  const shell = readdirSync(join(src, 'locales', 'en'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ name: file, en: join(src, 'locales', 'en', file), zh: join(src, 'locales', 'zh', file) }));
  const areas = readdirSync(join(src, 'areas'))
    .filter((area) => readdirSync(join(src, 'areas', area)).includes('locales'))
    .map((area) => ({
      name: area,
      en: join(src, 'areas', area, 'locales', 'en.json'),
      zh: join(src, 'areas', area, 'locales', 'zh.json'),
    }));
  return [...shell, ...areas];
}

/** Every source file of the app (not tests). */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The keys of the English resources, as `t()` names them (`console:` for the console's). */
function knownKeys(): Set<string> {
  const keys = new Set<string>();
  for (const { name, en } of pairs()) {
    const prefix = name.endsWith('.json') ? '' : `${name}:`;
    for (const [key] of entries(JSON.parse(readFileSync(en, 'utf8')))) {
      keys.add(`${prefix}${key}`);
      keys.add(`${prefix}${key.replace(/_(one|other)$/, '')}`); // plural forms are asked by their stem
    }
  }
  return keys;
}

describe('the app’s texts', () => {
  it('given every literal key the code asks t() for, when looked up, then the English resources have it', () => {
    const known = knownKeys();
    const asked = sources(src).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\('([^'`]+)'/g)].map(
        (match) => `${match[1]} (${file.slice(src.length + 1)})`,
      ),
    );
    expect(asked.length).toBeGreaterThan(50);
    expect(asked.filter((entry) => !known.has(entry.split(' (')[0]!))).toEqual([]);
  });

  it.each(pairs())(
    'given $name, when English and Chinese are compared, then both have the same keys, none empty, with the same placeholders',
    ({ en, zh }) => {
      const english = new Map(entries(JSON.parse(readFileSync(en, 'utf8'))));
      const chinese = new Map(entries(JSON.parse(readFileSync(zh, 'utf8'))));
      expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of english) {
        expect(typeof text === 'string' && text.trim() !== '', `en ${key}`).toBe(true);
        expect(typeof chinese.get(key) === 'string' && String(chinese.get(key)).trim() !== '', `zh ${key}`).toBe(true);
        const placeholders = (value: unknown) => [...String(value).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
        // Only problem.fieldMessage differs: Chinese puts the code's meaning before the server's English message.
        expect(
          placeholders(chinese.get(key)).filter((name) => !placeholders(text).includes(name)),
          `zh ${key}`,
        ).toEqual(key === 'problem.fieldMessage' ? ['meaning'] : []);
      }
    },
  );
});
