import type { LocalizedText } from './localized-text.ts';

/** An UPPER_SNAKE_CASE code, as every catalogue spells them. */
export const CODE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** What a catalogue entry must at least carry: its meaning in both languages. */
export type CatalogueEntry = LocalizedText | { readonly text: LocalizedText } | { readonly description: LocalizedText };

/**
 * Declares one layer's catalogue of codes. The entries keep their literal types (so
 * `keyof typeof CATALOGUE` is the union of codes); the call checks, once at load, that every code
 * is UPPER_SNAKE_CASE and every text is non-empty in both languages, so a slip fails at start-up
 * and in the first test that imports the catalogue.
 */
export function defineCodeCatalogue<const C extends Record<string, CatalogueEntry>>(name: string, entries: C): C {
  const problems = catalogueProblems(entries);
  if (problems.length > 0) throw new Error(`code catalogue ${name}: ${problems.join('; ')}`);
  return entries;
}

/** The text that documents one entry. */
export function entryText(entry: CatalogueEntry): LocalizedText {
  if ('text' in entry) return entry.text;
  if ('description' in entry) return entry.description;
  return entry;
}

/** Everything wrong with a catalogue: bad code spellings and missing or blank texts. */
export function catalogueProblems(entries: Readonly<Record<string, CatalogueEntry>>): string[] {
  const problems: string[] = [];
  for (const [code, entry] of Object.entries(entries)) {
    if (!CODE_PATTERN.test(code)) problems.push(`${code} is not UPPER_SNAKE_CASE`);
    const text = entryText(entry);
    for (const language of ['en', 'zh'] as const) {
      if (typeof text[language] !== 'string' || text[language].trim() === '') {
        problems.push(`${code} has no ${language} text`);
      }
    }
  }
  return problems;
}
