export {
  LANGUAGES,
  formatLocalized,
  formatText,
  languageOf,
  type Language,
  type LocalizedText,
  type TextParams,
} from './localized-text.ts';
export {
  CODE_PATTERN,
  catalogueProblems,
  defineCodeCatalogue,
  entryText,
  type CatalogueEntry,
} from './code-catalogue.ts';
export {
  DomainError,
  fieldIssue,
  isDomainError,
  pointerToken,
  type DomainErrorOptions,
  type DomainRejection,
  type FieldIssue,
} from './domain-error.ts';
