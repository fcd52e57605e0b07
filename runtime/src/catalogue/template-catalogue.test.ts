import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '@clauseflow/definition';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import { TemplateCatalogue, type ImportablePack, type ImportProgress } from './template-catalogue.ts';
import { previewTemplateUpgrades } from './template-upgrade.ts';

const at = new Date('2026-11-29T10:00:00Z');
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const manifest = (version: string) => ({
  name: 'core',
  version,
  publisher: 'ClauseFlow',
  standard: 'ISO/IEC 20000-1:2018',
  requirementSet: { id: 'iso-iec-20000-1-2018', version: '1.0.0' },
});
const base = incident as unknown as Definition;
const problem: Definition = { ...clone(base), key: 'problem', title: { en: 'Problem management', zh: '问题管理' } };

describe('importing template packs into the catalogue (real database)', () => {
  let t: TestDatabase;
  let catalogue: TemplateCatalogue;
  beforeAll(async () => {
    t = await openTestDatabase('catalogue');
    catalogue = new TemplateCatalogue(t.db);
    await catalogue.init();
  });
  afterAll(async () => t.close());

  it('given an empty catalogue, when a pack is dry-run, then everything is new and nothing is written', async () => {
    const plan = await catalogue.plan({ manifest: manifest('1.0.0'), templates: [base, problem] });
    expect(plan).toMatchObject({
      activeVersion: null,
      added: ['incident', 'problem'],
      changed: [],
      unchanged: [],
      removed: [],
    });
    expect(await catalogue.activeVersion('core')).toBeNull();
    expect(await t.db.collection('catalogue_templates').countDocuments()).toBe(0);
  });

  it('given pack 1.0.0, when imported with progress, then its templates are in use and readable', async () => {
    const steps: ImportProgress[] = [];
    await catalogue.import({ manifest: manifest('1.0.0'), templates: [base, problem] }, 'admin', at, (p) =>
      steps.push(p),
    );
    expect(steps.map((s) => s.done)).toEqual([1, 2, 3, 4]);
    expect(steps.every((s) => s.total === 4)).toBe(true);
    expect(await catalogue.activeVersion('core')).toBe('1.0.0');
    expect((await catalogue.activeTemplates('core')).map((x) => x.key)).toEqual(['incident', 'problem']);
    expect(await catalogue.template('core', '1.0.0', 'incident')).toEqual(base);
  });

  it('given pack 1.1.0 changing one template and dropping another, when dry-run, then it says changed/unchanged/removed', async () => {
    const changed = clone(base);
    changed.version = 2;
    const plan = await catalogue.plan({ manifest: manifest('1.1.0'), templates: [changed] });
    expect(plan).toMatchObject({
      activeVersion: '1.0.0',
      added: [],
      changed: ['incident'],
      unchanged: [],
      removed: ['problem'],
    });
  });

  it('given an import that fails half way, when it stops, then the previous version stays in use and a retry completes it', async () => {
    const next: ImportablePack = { manifest: manifest('1.2.0'), templates: [{ ...clone(base), version: 2 }, problem] };
    const failing = (p: ImportProgress) => {
      if (p.step === 'template incident') throw new Error('disk full');
    };
    await expect(catalogue.import(next, 'admin', at, failing)).rejects.toThrow('disk full');
    expect(await catalogue.activeVersion('core')).toBe('1.0.0');
    expect((await catalogue.template('core', '1.0.0', 'incident'))?.version).toBe(1);
    await catalogue.import(next, 'admin', at);
    expect(await catalogue.activeVersion('core')).toBe('1.2.0');
  });

  it('given a version already imported, when imported again with other content, then it is refused and nothing changes', async () => {
    const tampered: ImportablePack = {
      manifest: manifest('1.2.0'),
      templates: [{ ...clone(base), version: 2, title: { en: 'X', zh: '某' } }],
    };
    await expect(catalogue.import(tampered, 'admin', at)).rejects.toMatchObject({ code: 'PACK_VERSION_CONFLICT' });
    expect((await catalogue.template('core', '1.2.0', 'incident'))?.title.en).toBe('Incident management');
  });

  it('given a tailored copy that changed what the new template also changed, when an upgrade is previewed, then clean changes apply and the conflict is listed', async () => {
    // Template v3 (pack 2.0.0) relabels `resolved` and retimes the escalation timer.
    const v3 = clone(base);
    v3.version = 3;
    const resolved = v3.states.find((s) => s.id === 'resolved');
    const progress = v3.states.find((s) => s.id === 'in-progress');
    if (!resolved || !progress?.timers?.[0]) throw new Error('fixture');
    resolved.label = { en: 'Resolved – confirm', zh: '已解决－待确认' };
    progress.timers[0].after = 'PT1H';
    await catalogue.import({ manifest: manifest('2.0.0'), templates: [v3, problem] }, 'admin', at);

    // The copy derived from template v2 and changed the same timer to PT3H.
    const copy = {
      ...clone(base),
      key: 'incident-acme',
      version: 2,
      derivedFrom: { packName: 'core', templateKey: 'incident', version: 2 },
    };
    const copyTimer = copy.states.find((s) => s.id === 'in-progress')?.timers?.[0];
    if (!copyTimer) throw new Error('fixture');
    copyTimer.after = 'PT3H';
    const untouched = {
      ...clone(base),
      key: 'incident-beta',
      derivedFrom: { packName: 'core', templateKey: 'incident', version: 2 },
    };

    const [acme, beta] = await previewTemplateUpgrades(catalogue, 'core', [copy, untouched]);
    expect(acme).toMatchObject({ copy: 'incident-acme', status: 'conflicts', fromVersion: 2, toVersion: 3 });
    if (acme?.status !== 'conflicts') throw new Error('expected conflicts');
    expect(acme.merge.conflicts.map((c) => [c.scope, c.id])).toEqual([['states', 'in-progress']]);
    expect(acme.merge.applied).toEqual([{ scope: 'states', id: 'resolved', kind: 'changed' }]);
    expect(acme.merge.merged.derivedFrom?.version).toBe(3);
    expect(beta).toMatchObject({ copy: 'incident-beta', status: 'clean' });
  });
});
