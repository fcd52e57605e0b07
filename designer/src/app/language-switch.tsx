import { Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { SESSION_KEY, useSession, type Session } from '../session/session.ts';
import { changeLanguage, currentLanguage, rememberLanguage, type Language } from './i18n.ts';

const NAMES: Record<Language, string> = { en: 'English', zh: '简体中文' };

/**
 * Switches the language and remembers it in this browser; a signed-in user's choice is also saved
 * on their own account (`PATCH /api/session`), so it follows them to other browsers.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const session = useSession().data;

  async function pick(language: Language): Promise<void> {
    rememberLanguage(language, session?.user.id);
    await changeLanguage(language);
    if (session && session.user.locale !== language) {
      const { data } = await api.PATCH('/api/session', { body: { locale: language } });
      if (data) {
        client.setQueryData<Session>(SESSION_KEY, (old) => (old ? { ...old, user: data.user } : old));
        // Lists that show accounts (the console's users) now differ: read them again.
        await client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      }
    }
  }

  return (
    <Select<Language>
      aria-label={t('shell.language')}
      value={currentLanguage()}
      onChange={(language) => void pick(language)}
      options={(['en', 'zh'] as const).map((value) => ({ value, label: NAMES[value] }))}
      style={{ width: 120 }}
      popupMatchSelectWidth={false}
    />
  );
}
