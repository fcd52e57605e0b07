import { mergeTemplateUpgrade, type Definition, type MergeResult } from '@clauseflow/definition';
import type { TemplateCatalogue } from './template-catalogue.ts';

/** What upgrading one tailored copy to the pack version in use would do. */
export type CopyUpgrade =
  | {
      copy: string;
      template: string;
      fromVersion: number;
      toVersion: number;
      status: 'up-to-date' | 'clean' | 'conflicts';
      merge: MergeResult;
    }
  | { copy: string; template: string; status: 'template-missing'; reason: string };

/**
 * The three-way comparison for every tailored copy of a pack's templates: the template version
 * the copy came from, the template in the pack version in use, and the copy itself.
 */
export async function previewTemplateUpgrades(
  catalogue: TemplateCatalogue,
  pack: string,
  copies: readonly Definition[],
): Promise<CopyUpgrade[]> {
  const active = await catalogue.activeVersion(pack);
  const results: CopyUpgrade[] = [];
  for (const copy of copies) {
    const from = copy.derivedFrom;
    if (!from || from.packName !== pack) continue;
    const base = await catalogue.templateVersion(pack, from.templateKey, from.version);
    const latest = active === null ? null : await catalogue.template(pack, active, from.templateKey);
    if (!base || !latest) {
      const reason = !base
        ? `template ${from.templateKey} v${from.version} is not in the catalogue`
        : `pack ${pack}@${active ?? '-'} no longer has template ${from.templateKey}`;
      results.push({ copy: copy.key, template: from.templateKey, status: 'template-missing', reason });
      continue;
    }
    const merge = mergeTemplateUpgrade(base, latest, copy);
    if (merge.applied.length === 0 && merge.conflicts.length === 0 && latest.version === from.version) {
      results.push({
        copy: copy.key,
        template: from.templateKey,
        fromVersion: from.version,
        toVersion: latest.version,
        status: 'up-to-date',
        merge,
      });
      continue;
    }
    // The upgraded copy now derives from the new template version.
    merge.merged.derivedFrom = { ...from, version: latest.version };
    results.push({
      copy: copy.key,
      template: from.templateKey,
      fromVersion: from.version,
      toVersion: latest.version,
      status: merge.conflicts.length > 0 ? 'conflicts' : 'clean',
      merge,
    });
  }
  return results;
}
