/** A language the product speaks. */
export type Language = 'en' | 'zh';

/** The product's languages, English first (the fallback). */
export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** Text in both product languages. */
export interface LocalizedText {
  en: string;
  zh: string;
}

/** Values that fill `{name}` placeholders. */
export type TextParams = Readonly<Record<string, unknown>>;

/**
 * Fills the `{name}` placeholders of `template` from `params`. Strings go in as they are, other
 * values as JSON; a name without a value stays visible as `{name}`, so a missing parameter shows
 * rather than silently vanishing.
 */
export function formatText(template: string, params: TextParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Both languages of `text` with their placeholders filled. */
export function formatLocalized(text: LocalizedText, params: TextParams = {}): LocalizedText {
  return { en: formatText(text.en, params), zh: formatText(text.zh, params) };
}

/** `zh` for an Accept-Language or locale that starts with `zh`, else `en`. */
export function languageOf(locale: string | null | undefined): Language {
  return /^\s*zh\b/i.test(locale ?? '') ? 'zh' : 'en';
}
