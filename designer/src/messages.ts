/** The languages every user-visible string exists in. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** User-visible strings of the placeholder home page, in English and Simplified Chinese. */
export const messages = {
  en: {
    title: 'ClauseFlow',
    tagline: 'IT service management processes that provably conform to ISO/IEC 20000-1:2018.',
    language: 'Language',
    health: 'Server health',
    checking: 'Checking…',
    dbOk: (ms: number) => `Database reachable (${ms} ms round-trip)`,
    dbDown: 'Database unreachable',
  },
  zh: {
    title: 'ClauseFlow',
    tagline: '可证明符合 ISO/IEC 20000-1:2018 的 IT 服务管理流程。',
    language: '语言',
    health: '服务器状态',
    checking: '检查中…',
    dbOk: (ms: number) => `数据库可访问（往返 ${ms} 毫秒）`,
    dbDown: '数据库不可访问',
  },
} satisfies Record<Language, Record<string, string | ((ms: number) => string)>>;
