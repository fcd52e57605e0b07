export {
  loadRequirementSet,
  parseRequirementSet,
  readableSchemaErrors,
  RequirementSetError,
  ISO_IEC_20000_1_2018_PATH,
} from './load-requirement-set.ts';
export {
  coverageReport,
  formatCoverageReport,
  unmappedReason,
  compareClauses,
  displayWidth,
  UNMAPPED_REASONS,
  type CoverageReport,
  type CoverageCounts,
  type UnmappedRequirement,
  type UnmappedReason,
  type ReportLanguage,
  type FormatCoverageOptions,
} from './coverage-report.ts';
export { PROCESS_AREAS, PROCESS_AREA_KEYS, isProcessAreaKey, type ProcessAreaKey } from './process-areas.ts';
