export { migrateDefinition, type MigrationResult } from './migrate-definition.ts';
export { migrate0To1 } from './migrate-0-to-1.ts';
export { FORMAT_0, UNTRANSLATED_MARK } from './format-0.ts';
