export {
  diffDefinitions,
  DIFFED_COLLECTIONS,
  type DefinitionDiff,
  type CollectionDiff,
  type DiffedCollection,
} from './diff-definitions.ts';
export { jsonChanges, escapePointerToken, type JsonChange } from './json-changes.ts';
export {
  mergeTemplateUpgrade,
  type MergeResult,
  type MergeConflict,
  type AppliedChange,
  type MergeScope,
} from './three-way-merge.ts';
