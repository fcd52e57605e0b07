/**
 * Acceptance: the requirement set covers ISO/IEC 20000-1:2018 clauses 4 to 10 completely.
 *
 * The test reads the English text of the standard from the seed folder (`<repo>/../shared/seed/`,
 * present in CI) at run time; the repository never contains the standard's text. It counts, per
 * clause, the "shall" statements and the lettered and numbered items that belong to them, with
 * the counting rule documented in `seed-inventory.ts`:
 *
 * - the English body runs from the last line "4 Context of the organization" to "Bibliography";
 * - a line starting with a clause number starts that clause; notes and unlettered bullets count
 *   nothing;
 * - each sentence (split at ". " before an uppercase letter) of a non-item paragraph that
 *   contains the word "shall" is one statement, numbered from 1 within its clause;
 * - the lettered items `- a)` of a list, and the numbered items `- 1)` under them, count when the
 *   list follows a paragraph whose last sentence is a statement; they belong to that statement.
 *
 * It then asserts the set has exactly one entry per counted statement and item, with the id and
 * parent the id scheme gives it (catalog/requirements/README.md). Where the seed folder is
 * absent, the tests report themselves skipped and say why.
 *
 * A third test checks that the set's texts are our own words: no English text shares a run of
 * 8 words, and no Chinese text a run of 12 Han characters, with the standard.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@clauseflow/embedded-db';
import { loadRequirementSet } from './load-requirement-set.ts';
import { englishBody, expectedRequirements, inventoryClauses, type SeedClause } from './seed-inventory.ts';

/** `CLAUSEFLOW_SEED_DIR` points elsewhere (e.g. to an empty folder, to see the skip). */
const SEED_DIR = process.env['CLAUSEFLOW_SEED_DIR'] ?? resolve(repoRoot(), '..', 'shared', 'seed');
const START_LINE = /^4 Context of the organization\s*$/m;

/** The seed's text file: the .txt in the seed folder that holds the English body of the standard. */
function findSeed(): string | undefined {
  if (!existsSync(SEED_DIR)) return undefined;
  return readdirSync(SEED_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(SEED_DIR, name))
    .find((path) => START_LINE.test(readFileSync(path, 'utf8')));
}

const seedPath = findSeed();
const skipReason = `the seed (ISO/IEC 20000-1:2018, English text) is not in ${SEED_DIR}; it is present in CI`;
if (!seedPath) console.warn(`seed-coverage: skipped, ${skipReason}`);

function seedClauses(): SeedClause[] {
  if (!seedPath) throw new Error(skipReason);
  return inventoryClauses(englishBody(readFileSync(seedPath, 'utf8')));
}

describe('the requirement set against the seed text of ISO/IEC 20000-1:2018', () => {
  const set = loadRequirementSet();

  it.skipIf(!seedPath)('has one statement requirement per "shall" sentence, clause by clause', () => {
    const clauses = seedClauses();
    // Sanity: the seed parses into the clauses 4 to 10 at all.
    expect(clauses.length).toBeGreaterThan(50);
    const expected = Object.fromEntries(clauses.map((c) => [c.clause, c.statements]));
    const actual: Record<string, number> = {};
    for (const r of set.requirements) {
      if (!/[a-z]/.test(r.id)) actual[r.clause] = (actual[r.clause] ?? 0) + 1;
    }
    expect(actual).toEqual(expected);
  });

  it.skipIf(!seedPath)('has every statement and item under the id and parent the id scheme gives it', () => {
    const expected: Record<string, { id: string; parent?: string }[]> = {};
    for (const clause of seedClauses()) {
      expected[clause.clause] = expectedRequirements(clause).sort((a, b) => a.id.localeCompare(b.id));
    }
    const actual: Record<string, { id: string; parent?: string }[]> = {};
    for (const r of set.requirements) {
      const entry = r.parent === undefined ? { id: r.id } : { id: r.id, parent: r.parent };
      (actual[r.clause] ??= []).push(entry);
    }
    for (const list of Object.values(actual)) list.sort((a, b) => a.id.localeCompare(b.id));
    expect(actual).toEqual(expected);
  });

  it.skipIf(!seedPath)('words every text in its own way (no long runs shared with the standard)', () => {
    const seed = readFileSync(seedPath ?? '', 'utf8');
    const WORDS = 8;
    const HAN = 12;
    const words = (text: string): string[] =>
      text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
        .split(' ')
        .filter((w) => w.length > 0);
    const han = (text: string): string => text.replace(/[^\u4e00-\u9fff]/g, '');
    const seedWords = words(seed);
    const wordRuns = new Set<string>();
    for (let i = 0; i + WORDS <= seedWords.length; i += 1) wordRuns.add(seedWords.slice(i, i + WORDS).join(' '));
    const seedHan = han(seed);
    const hanRuns = new Set<string>();
    for (let i = 0; i + HAN <= seedHan.length; i += 1) hanRuns.add(seedHan.slice(i, i + HAN));

    const copied: string[] = [];
    for (const r of set.requirements) {
      const texts = [r.title, r.text];
      if (r.kind === 'platform') texts.push(r.platform.feature);
      if (r.kind === 'organizational') texts.push(r.organizational.evidence);
      for (const text of texts) {
        const w = words(text.en);
        for (let i = 0; i + WORDS <= w.length; i += 1) {
          const run = w.slice(i, i + WORDS).join(' ');
          if (wordRuns.has(run)) copied.push(`${r.id} en: "${run}"`);
        }
        const h = han(text.zh);
        for (let i = 0; i + HAN <= h.length; i += 1) {
          const run = h.slice(i, i + HAN);
          if (hanRuns.has(run)) copied.push(`${r.id} zh: "${run}"`);
        }
      }
    }
    expect(copied).toEqual([]);
  });
});
