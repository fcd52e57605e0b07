import { addTexts } from '../../app/i18n.ts';
import en from './locales/en.json';
import zh from './locales/zh.json';
import './console.css';

/** The administrators' console: one lazily loaded chunk that carries its own texts. */
addTexts('console', { en, zh });

export { ApiTokensPage } from './api-tokens-page.tsx';
export { ConsoleLayout } from './console-layout.tsx';
export { HealthPage } from './health-page.tsx';
export { GroupsPage } from './groups-page.tsx';
export { UsersPage } from './users-page.tsx';
