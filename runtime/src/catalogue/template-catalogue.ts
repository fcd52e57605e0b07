import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '../database-kind.ts';
import { canonicalJson, type Definition } from '@clauseflow/definition';
import { sha256Hex } from '../definitions/definition-store.ts';

/** A verified pack as the runtime imports it (verification belongs to the catalog package). */
export interface ImportablePack {
  manifest: {
    name: string;
    version: string;
    publisher: string;
    standard: string;
    requirementSet: { id: string; version: string };
  };
  templates: Definition[];
}

/** What an import would do, per template key, against the pack's active version. */
export interface ImportPlan {
  pack: string;
  version: string;
  activeVersion: string | null;
  added: string[];
  changed: string[];
  unchanged: string[];
  removed: string[];
}

/** Progress of a running import: `done` of `total` steps, and what the step was. */
export interface ImportProgress {
  done: number;
  total: number;
  step: string;
}

export interface StoredTemplate {
  /** `${pack}@${packVersion}/${key}`. */
  _id: string;
  pack: string;
  packVersion: string;
  key: string;
  version: number;
  text: string;
  sha256: string;
}

interface StoredPackVersion {
  _id: string;
  pack: string;
  version: string;
  manifest: ImportablePack['manifest'];
  importedAt: Date;
  importedBy: string;
}

interface Activation {
  /** `${pack}:${seq zero-padded}`: the newest activation of a pack names its version in use. */
  _id: string;
  pack: string;
  seq: number;
  version: string;
  at: Date;
  by: string;
}

const pad = (n: number) => n.toString().padStart(10, '0');

/**
 * The template catalogue: imported packs, their templates (read-only), and which version of
 * each pack is in use. An import stages every template under the new pack version first and
 * switches to it with one final insert, so a failed import leaves the previous version in use.
 */
export class TemplateCatalogue {
  private readonly templates: Collection<StoredTemplate>;
  private readonly packs: Collection<StoredPackVersion>;
  private readonly activations: Collection<Activation>;

  constructor(db: Db) {
    this.templates = db.collection<StoredTemplate>('catalogue_templates');
    this.packs = db.collection<StoredPackVersion>('catalogue_packs');
    this.activations = db.collection<Activation>('catalogue_activations');
  }

  async init(): Promise<void> {
    await this.templates.createIndex({ pack: 1, packVersion: 1 });
    await this.activations.createIndex({ pack: 1, seq: -1 });
  }

  /** The version of a pack in use, or null before its first import. */
  async activeVersion(pack: string): Promise<string | null> {
    return (await this.activations.findOne({ pack }, { sort: { seq: -1 } }))?.version ?? null;
  }

  /** The names of every pack ever imported, sorted. */
  async packNames(): Promise<string[]> {
    return (await this.packs.distinct('pack')).sort();
  }

  /** Templates of the pack version in use, without their texts. */
  async activeTemplates(pack: string): Promise<Omit<StoredTemplate, 'text'>[]> {
    const version = await this.activeVersion(pack);
    if (version === null) return [];
    return this.templates.find({ pack, packVersion: version }, { projection: { text: 0 }, sort: { key: 1 } }).toArray();
  }

  /** One template of one pack version, as a definition. */
  async template(pack: string, packVersion: string, key: string): Promise<Definition | null> {
    const stored = await this.templates.findOne({ _id: `${pack}@${packVersion}/${key}` });
    if (!stored) return null;
    if (sha256Hex(stored.text) !== stored.sha256) throw new Error(`template ${stored._id} does not match its sha256`);
    return JSON.parse(stored.text) as Definition;
  }

  /** A template by its own key and definition version, from whichever pack version holds it. */
  async templateVersion(pack: string, key: string, version: number): Promise<Definition | null> {
    const stored = await this.templates.findOne({ pack, key, version });
    return stored ? this.template(pack, stored.packVersion, key) : null;
  }

  /** The dry run: what importing this pack would add, change, keep and drop. Writes nothing. */
  async plan(pack: ImportablePack): Promise<ImportPlan> {
    const name = pack.manifest.name;
    const activeVersion = await this.activeVersion(name);
    const current = new Map(
      activeVersion === null
        ? []
        : (
            await this.templates
              .find({ pack: name, packVersion: activeVersion }, { projection: { key: 1, sha256: 1 } })
              .toArray()
          ).map((t) => [t.key, t.sha256] as const),
    );
    const plan: ImportPlan = {
      pack: name,
      version: pack.manifest.version,
      activeVersion,
      added: [],
      changed: [],
      unchanged: [],
      removed: [],
    };
    for (const template of pack.templates) {
      const sha = current.get(template.key);
      if (sha === undefined) plan.added.push(template.key);
      else if (sha === sha256Hex(canonicalJson(template))) plan.unchanged.push(template.key);
      else plan.changed.push(template.key);
    }
    const incoming = new Set(pack.templates.map((t) => t.key));
    plan.removed = [...current.keys()].filter((key) => !incoming.has(key)).sort();
    return plan;
  }

  /**
   * Imports a verified pack: stages its templates, then activates the version. Re-importing the
   * same version with the same content is harmless; any failure before activation leaves the
   * previous version in use (the staged documents are unreferenced and are reused by a retry).
   */
  async import(
    pack: ImportablePack,
    actor: string,
    at: Date,
    onProgress: (progress: ImportProgress) => void = () => undefined,
  ): Promise<ImportPlan> {
    const plan = await this.plan(pack);
    const { name, version } = pack.manifest;
    const total = pack.templates.length + 2;
    let done = 0;
    await this.insertOrSame(
      this.packs,
      { _id: `${name}@${version}`, pack: name, version, manifest: pack.manifest, importedAt: at, importedBy: actor },
      (a, b) => canonicalJson(a.manifest) === canonicalJson(b.manifest),
    );
    onProgress({ done: ++done, total, step: `pack ${name}@${version}` });
    for (const template of pack.templates) {
      const text = canonicalJson(template);
      await this.insertOrSame(
        this.templates,
        {
          _id: `${name}@${version}/${template.key}`,
          pack: name,
          packVersion: version,
          key: template.key,
          version: template.version,
          text,
          sha256: sha256Hex(text),
        },
        (a, b) => a.sha256 === b.sha256,
      );
      onProgress({ done: ++done, total, step: `template ${template.key}` });
    }
    if (plan.activeVersion !== version) await this.activate(name, version, actor, at);
    onProgress({ done: done + 1, total, step: `activate ${name}@${version}` });
    return plan;
  }

  private async activate(pack: string, version: string, by: string, at: Date): Promise<void> {
    for (;;) {
      const seq = ((await this.activations.findOne({ pack }, { sort: { seq: -1 } }))?.seq ?? 0) + 1;
      try {
        await this.activations.insertOne({ _id: `${pack}:${pad(seq)}`, pack, seq, version, at, by });
        return;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  /** Inserts a document; an existing one with the same id must be the same, or the import is refused. */
  private async insertOrSame<T extends { _id: string }>(
    collection: Collection<T>,
    doc: T,
    same: (existing: T, incoming: T) => boolean,
  ): Promise<void> {
    try {
      await collection.insertOne(doc as Parameters<Collection<T>['insertOne']>[0]);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = (await collection.findOne({ _id: doc._id } as Parameters<
        Collection<T>['findOne']
      >[0])) as T | null;
      if (!existing || !same(existing, doc)) {
        throw new CatalogueConflictError(
          `${doc._id} was already imported with other content; publish the pack under a new version`,
        );
      }
    }
  }
}

/** A pack version that was imported before with other content. */
export class CatalogueConflictError extends Error {
  override name = 'CatalogueConflictError';
  readonly code = 'PACK_VERSION_CONFLICT';
}
