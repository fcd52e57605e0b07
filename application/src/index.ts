export { SILENT_LOGGER, type ApplicationContext, type ApplicationLogger } from './application-context.ts';
export { openClauseFlow, type ClauseFlow, type ClauseFlowOptions } from './open-clauseflow.ts';
export * from './accounts/index.ts';
export { isDatabaseUnavailable, openHealth, type DatabaseHealth, type Health } from './health/database-health.ts';
export * from './documents/index.ts';
export * from './processes/process-store.ts';
export * from './access/record-access.ts';
export * from './governance/retention-policy.ts';
export * from './portal/audience.ts';
