export { buildApp, type AppOptions } from './app.ts';
export type { HealthReport } from './plugins/health.ts';
