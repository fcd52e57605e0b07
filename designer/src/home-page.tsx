import { useEffect, useState } from 'react';
import { LANGUAGES, messages, type Language } from './messages.ts';

type Health = { state: 'checking' } | { state: 'ok'; latencyMs: number } | { state: 'down' };

/** Placeholder home page: product name, language switch and the server's health. */
export function HomePage() {
  const [language, setLanguage] = useState<Language>(() =>
    navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en',
  );
  const [health, setHealth] = useState<Health>({ state: 'checking' });
  const t = messages[language];

  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);

  useEffect(() => {
    const controller = new AbortController();
    fetch('/health', { signal: controller.signal })
      .then((response) => response.json() as Promise<{ db?: { ok?: boolean; latencyMs?: number } }>)
      .then((body) => setHealth(body.db?.ok ? { state: 'ok', latencyMs: body.db.latencyMs ?? 0 } : { state: 'down' }))
      .catch(() => !controller.signal.aborted && setHealth({ state: 'down' }));
    return () => controller.abort();
  }, []);

  return (
    <main>
      <h1>{t.title}</h1>
      <p>{t.tagline}</p>
      <label>
        {t.language}{' '}
        <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {code === 'en' ? 'English' : '简体中文'}
            </option>
          ))}
        </select>
      </label>
      <section aria-label={t.health}>
        <h2>{t.health}</h2>
        <p role="status">
          {health.state === 'checking' ? t.checking : health.state === 'ok' ? t.dbOk(health.latencyMs) : t.dbDown}
        </p>
      </section>
    </main>
  );
}
