import type { KeyObject } from 'node:crypto';
import { DomainError, fieldIssue, pointerToken, type FieldIssue, type LocalizedText } from '@clauseflow/common';
import { parseDefinition, type Definition } from '@clauseflow/definition';
import {
  CatalogueConflictError,
  DefinitionStore,
  previewTemplateUpgrades,
  type CopyUpgrade,
  type DraftRevision,
  type ImportPlan,
  type ImportProgress,
  type TemplateCatalogue,
} from '@clauseflow/runtime';
import type { VerifyResult } from '@clauseflow/catalog';
import type { DefinitionConformance } from '../conformance/definition-conformance.ts';
import { importablePack, verifyTemplatePack } from '../conformance/pack-verification.ts';
import { checkWithTemplate, conformanceSummary, type ConformanceSummary } from '../processes/definition-checks.ts';
import { ProcessConflictError, type ProcessDocument, type ProcessStore } from '../processes/process-store.ts';

/** The outcome of a dry run or an import. */
export interface PackImportOutcome {
  dryRun: boolean;
  plan: ImportPlan;
  /** The version in use now (after an import: the new one). */
  activeVersion: string | null;
  /** The import's steps, in order (empty for a dry run). */
  progress: ImportProgress[];
}

/** A template of a pack version in use, as the catalogue lists it. */
export interface CatalogueEntry {
  pack: string;
  packVersion: string;
  key: string;
  version: number;
  sha256: string;
  title: LocalizedText;
  claims: string[];
}

/** A tailored copy's three-way comparison with the pack version in use, with the merge's verdict. */
export interface CopyUpgradeView {
  copy: string;
  template: string;
  source: 'draft' | 'published';
  status: CopyUpgrade['status'];
  fromVersion?: number;
  toVersion?: number;
  reason?: string;
  applied: { scope: string; id: string; kind: string }[];
  conflicts: { scope: string; id: string; path: string; base?: unknown; template?: unknown; copy?: unknown }[];
  conformance: ConformanceSummary | null;
}

/** A tailored copy of some template: its latest draft, else its newest published version. */
interface Copy {
  definition: Definition;
  source: 'draft' | 'published';
}

/**
 * Catalogue packs: verify, dry run, import with progress, the catalogue of templates in use,
 * tailoring a template into a process of one's own, and upgrading tailored copies to a newer
 * pack version by three-way merge. The HTTP routes and the CLI both call these.
 */
export class PackService {
  constructor(
    private readonly catalogue: TemplateCatalogue,
    private readonly definitions: DefinitionStore,
    private readonly processes: ProcessStore,
    private readonly conformance: DefinitionConformance,
    private readonly now: () => Date,
    /** When set, every imported pack must be signed by this key. */
    private readonly publicKey: KeyObject | undefined,
  ) {}

  /** Verifies a pack file: shape, standard, signature, hashes, validation and claimed conformance. */
  verify(json: unknown, publicKey: KeyObject | undefined = this.publicKey): VerifyResult {
    return verifyTemplatePack(json, this.conformance, publicKey);
  }

  /**
   * Verifies a pack, then plans (dry run) or imports it. PACK_INVALID lists every issue found;
   * PACK_VERSION_CONFLICT means another import won and the previous version stays in use.
   */
  async import(
    json: unknown,
    options: { dryRun: boolean; actor: string; onProgress?: (step: ImportProgress) => void },
  ): Promise<PackImportOutcome> {
    const verified = this.verify(json);
    if (!verified.ok) {
      const errors: FieldIssue[] = verified.issues.map((issue) => ({
        ...fieldIssue('PACK_ISSUE', issue.path, issue.message),
        issue: issue.code,
      }));
      const codes = [...new Set(verified.issues.map((issue) => issue.code))];
      throw new DomainError('PACK_INVALID', `The pack failed verification: ${codes.join(', ')}.`, { errors });
    }
    const pack = importablePack(verified.pack);
    const name = pack.manifest.name;
    if (options.dryRun) {
      return {
        dryRun: true,
        plan: await this.catalogue.plan(pack),
        activeVersion: await this.catalogue.activeVersion(name),
        progress: [],
      };
    }
    const progress: ImportProgress[] = [];
    try {
      const plan = await this.catalogue.import(pack, options.actor, this.now(), (step) => {
        progress.push(step);
        options.onProgress?.(step);
      });
      return { dryRun: false, plan, activeVersion: await this.catalogue.activeVersion(name), progress };
    } catch (error) {
      if (!(error instanceof CatalogueConflictError)) throw error;
      const active = await this.catalogue.activeVersion(name);
      throw new DomainError(
        'PACK_VERSION_CONFLICT',
        `Import stopped: ${error.message}. The catalogue still uses ${name}@${active ?? '(none)'}.`,
        { cause: error },
      );
    }
  }

  /** The templates of every pack version in use, by pack then key. */
  async templatesInUse(): Promise<CatalogueEntry[]> {
    const items: CatalogueEntry[] = [];
    for (const pack of await this.catalogue.packNames()) {
      for (const stored of await this.catalogue.activeTemplates(pack)) {
        const template = await this.catalogue.template(pack, stored.packVersion, stored.key);
        if (!template) continue;
        const { packVersion, key, version, sha256 } = stored;
        items.push({ pack, packVersion, key, version, sha256, title: template.title, claims: template.claims ?? [] });
      }
    }
    return items;
  }

  /**
   * Tailors a template of the pack version in use: a new process `copyKey` owned by `actor`, with
   * a first draft derived from the template. Without its own `claims` list the copy inherits every
   * claim of the template.
   */
  async tailor(
    pack: string,
    key: string,
    request: { copyKey: string; title?: LocalizedText; actor: string },
  ): Promise<{ process: ProcessDocument; draft: DraftRevision }> {
    const active = await this.catalogue.activeVersion(pack);
    const template = active === null ? null : await this.catalogue.template(pack, active, key);
    if (!template) throw new DomainError('NOT_FOUND', `No template ${key} in pack ${pack}.`);
    const { copyKey, actor } = request;
    const title = request.title ?? { en: template.title.en.slice(0, 200), zh: template.title.zh.slice(0, 200) };
    const { claims: _claims, ...rest } = template;
    const copy: Definition = {
      ...rest,
      key: copyKey,
      version: 1,
      title,
      derivedFrom: { packName: pack, templateKey: key, version: template.version },
    };
    let process: ProcessDocument;
    try {
      process = await this.processes.create(copyKey, { title, owners: [actor], grants: [] }, actor);
    } catch (error) {
      if (error instanceof ProcessConflictError) throw new DomainError('CONFLICT', error.message, { cause: error });
      throw error;
    }
    const saved = await this.definitions.saveDraft(copyKey, copy, actor, this.now(), 0);
    if (!saved.ok) throw new DomainError('CONFLICT', `Process ${copyKey} has a draft already.`);
    return { process, draft: saved.value };
  }

  /** Every tailored copy of the pack compared three ways with the pack version in use. */
  async upgrades(pack: string): Promise<{ activeVersion: string | null; copies: CopyUpgradeView[] }> {
    const copies = await this.copiesOf(pack);
    const upgrades = await previewTemplateUpgrades(
      this.catalogue,
      pack,
      [...copies.values()].map((c) => c.definition),
    );
    const views = await Promise.all(upgrades.map((u) => this.upgradeView(u, copies.get(u.copy)!.source)));
    return { activeVersion: await this.catalogue.activeVersion(pack), copies: views };
  }

  /**
   * Saves a tailored copy merged with the new template as a new draft revision. CONFLICT (with a
   * MERGE_CONFLICT issue per element both sides changed) leaves the draft as it was.
   */
  async applyUpgrade(
    pack: string,
    copyKey: string,
    actor: string,
  ): Promise<{ draft: DraftRevision; upgrade: CopyUpgradeView }> {
    const notCopy = () => new DomainError('NOT_FOUND', `Process ${copyKey} is not a tailored copy of pack ${pack}.`);
    const copy = (await this.copiesOf(pack)).get(copyKey);
    if (!copy) throw notCopy();
    const [upgrade] = await previewTemplateUpgrades(this.catalogue, pack, [copy.definition]);
    if (!upgrade) throw notCopy();
    const view = await this.upgradeView(upgrade, copy.source);
    if (upgrade.status === 'template-missing') throw new DomainError('CONFLICT', upgrade.reason);
    if (upgrade.status === 'conflicts') {
      const errors: FieldIssue[] = view.conflicts.map((c) => ({
        code: 'MERGE_CONFLICT',
        path: c.path,
        message: `Both the template and ${copyKey} changed ${c.scope} ${c.id}; resolve it in the draft.`,
      }));
      throw new DomainError('CONFLICT', `${copyKey} has ${errors.length} conflict(s) with the new template.`, {
        errors,
      });
    }
    const current = (await this.definitions.latestDraft(copyKey))?.rev ?? 0;
    const saved = await this.definitions.saveDraft(copyKey, upgrade.merge.merged, actor, this.now(), current);
    if (!saved.ok) throw new DomainError('PRECONDITION_FAILED', `The draft of ${copyKey} changed meanwhile.`);
    return { draft: saved.value, upgrade: view };
  }

  /** Tailored copies (latest draft, else newest published version) deriving from the pack. */
  private async copiesOf(pack: string): Promise<Map<string, Copy>> {
    const copies = new Map<string, Copy>();
    for (const process of await this.processes.list()) {
      const draft = await this.definitions.latestDraft(process._id);
      let copy: Copy | undefined;
      if (draft) {
        const parsed = parseDefinition(JSON.parse(draft.text));
        if (parsed.definition) copy = { definition: parsed.definition, source: 'draft' };
      } else {
        const stored = await this.definitions.latest(process._id);
        if (stored) copy = { definition: DefinitionStore.definitionOf(stored), source: 'published' };
      }
      if (copy?.definition.derivedFrom?.packName === pack) copies.set(process._id, copy);
    }
    return copies;
  }

  private async upgradeView(upgrade: CopyUpgrade, source: Copy['source']): Promise<CopyUpgradeView> {
    if (upgrade.status === 'template-missing') {
      const { copy, template, status, reason } = upgrade;
      return { copy, template, source, status, reason, applied: [], conflicts: [], conformance: null };
    }
    const check = await checkWithTemplate(this.conformance, this.catalogue, upgrade.merge.merged);
    return {
      copy: upgrade.copy,
      template: upgrade.template,
      source,
      status: upgrade.status,
      fromVersion: upgrade.fromVersion,
      toVersion: upgrade.toVersion,
      applied: upgrade.merge.applied,
      conflicts: upgrade.merge.conflicts.map((c) => ({ ...c, path: `/${c.scope}/${pointerToken(c.id)}` })),
      conformance: conformanceSummary(check),
    };
  }
}
