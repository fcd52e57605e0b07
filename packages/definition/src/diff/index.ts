export {
  diffDefinitions,
  DIFFED_COLLECTIONS,
  type DefinitionDiff,
  type CollectionDiff,
  type DiffedCollection,
} from './diff-definitions.ts';
export { jsonChanges, escapePointerToken, type JsonChange } from './json-changes.ts';
