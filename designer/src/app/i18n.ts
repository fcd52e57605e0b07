import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCommon from '../locales/en/common.json';
import zhCommon from '../locales/zh/common.json';

/** The languages every user-visible string exists in (the server's `locale` values). */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The BCP 47 tag of a language, for `<html lang>` and Intl. */
export const LANGUAGE_TAGS: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

const STORAGE_KEY = 'clauseflow.language';

function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'zh';
}

function storageKey(userId?: string): string {
  return userId ? `${STORAGE_KEY}.${userId}` : STORAGE_KEY;
}

/** The language remembered in this browser (for a user when given), if any. */
export function rememberedLanguage(userId?: string): Language | undefined {
  try {
    const stored = localStorage.getItem(storageKey(userId));
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined; // storage disabled: fall back to the browser's language
  }
}

/** A language picked while signed out, in this tab (sessionStorage), until someone signs in. */
const PICKED_KEY = `${STORAGE_KEY}.picked`;

/** Remembers a language in this browser, globally and, when signed in, for that user. */
export function rememberLanguage(language: Language, userId?: string): void {
  try {
    if (!userId) sessionStorage.setItem(PICKED_KEY, language);
    localStorage.setItem(storageKey(), language);
    if (userId) localStorage.setItem(storageKey(userId), language);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

/**
 * A user's language on signing in: the one just picked on the sign-in or setup page (then kept
 * for them), else the one they last used in this browser, else their account's.
 */
export function languageFor(user: { id: string; locale: Language }): Language {
  let picked: string | null = null;
  try {
    picked = sessionStorage.getItem(PICKED_KEY);
    sessionStorage.removeItem(PICKED_KEY);
  } catch {
    // Storage disabled: nothing was remembered.
  }
  if (!isLanguage(picked)) return rememberedLanguage(user.id) ?? user.locale;
  rememberLanguage(picked, user.id);
  return picked;
}

function browserLanguage(): Language {
  return navigator.languages.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

/** The current language of the app. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

/** Switches the app's language (texts, antd locale, `<html lang>`); the caller remembers it. */
export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  if (isLanguage(language)) document.documentElement.lang = LANGUAGE_TAGS[language];
});

/**
 * Adds an area's texts when its chunk loads, so each lazily loaded area carries its own strings.
 * Both languages come together: every string exists in English and Simplified Chinese.
 */
export function addTexts(namespace: string, texts: Record<Language, object>): void {
  for (const language of LANGUAGES) i18next.addResourceBundle(language, namespace, texts[language], true, true);
}

/** Starts i18next with the shell's texts in the remembered or the browser's language. */
export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: rememberedLanguage() ?? browserLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    defaultNS: 'common',
    ns: ['common'],
    resources: { en: { common: enCommon }, zh: { common: zhCommon } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = LANGUAGE_TAGS[currentLanguage()];
}
