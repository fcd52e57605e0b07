export {
  TemplateCatalogue,
  CatalogueConflictError,
  type ImportablePack,
  type ImportPlan,
  type ImportProgress,
  type StoredTemplate,
} from './template-catalogue.ts';
export { previewTemplateUpgrades, type CopyUpgrade } from './template-upgrade.ts';
