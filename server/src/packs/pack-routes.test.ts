import { generateKeyPairSync } from 'node:crypto';
import { storedData } from '@clauseflow/application/testing';
import { describe, expect, it } from 'vitest';
import { useCastWorld } from '../test-support/test-world.ts';
import type { Definition } from '@clauseflow/definition';
import { buildCatalogPack, catalogPackInfo } from '@clauseflow/application';
import { buildPack } from '@clauseflow/catalog';
import { incidentTemplate, incidentWithoutEscalation } from '../processes/process-test-fixture.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import { testApp } from '../test-support/test-app.ts';

const PACK = 'clauseflow-iso20000-core';
/** The shipped pack's version (`catalog/pack.json`) and its incident template's version. */
const VERSION = catalogPackInfo().version;
const TEMPLATE_VERSION = incidentTemplate().version;

/** The incident template at the next template version, with its first state relabelled. */
function incidentV2(): Definition {
  const template = incidentTemplate();
  template.version = TEMPLATE_VERSION + 1;
  template.states[0] = { ...template.states[0]!, label: { en: 'Logged (v2)', zh: '已登记（v2）' } };
  return template;
}

function packAt(version: string, templates: Definition[]) {
  return buildPack({ ...catalogPackInfo(), version }, templates);
}

describe('pack routes: verify, dry run, import, failed import, catalogue, tailoring and upgrades', () => {
  const world = useCastWorld('pack_routes');

  const importPack = (pack: unknown, dryRun: boolean) =>
    world.api.call('POST', '/api/packs/import', {
      url: `/api/packs/import?dryRun=${dryRun}`,
      headers: world.cast.who.admin.headers,
      payload: pack as Record<string, unknown>,
    });

  it('given the catalogue pack, when dry-run then imported, then the plan lists it as new and the version becomes active', async () => {
    const pack = buildCatalogPack([incidentTemplate()]);
    const dry = await importPack(pack, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      activeVersion: null,
      plan: { pack: PACK, version: VERSION, added: ['incident'], changed: [], unchanged: [], removed: [] },
    });
    const empty = await world.api.call('GET', '/api/catalogue', { headers: world.cast.who.owner.headers });
    expect(empty.json()).toEqual({ items: [] });

    const real = await importPack(pack, false);
    expect(real.json()).toMatchObject({ dryRun: false, activeVersion: VERSION, plan: { added: ['incident'] } });
    const progress = real.json<{ progress: { done: number; total: number; step: string }[] }>().progress;
    expect(progress.map((p) => p.step)).toEqual([
      `pack ${PACK}@${VERSION}`,
      'template incident',
      `activate ${PACK}@${VERSION}`,
    ]);

    const again = await importPack(pack, true);
    expect(again.json()).toMatchObject({ activeVersion: VERSION, plan: { unchanged: ['incident'], added: [] } });

    const listed = await world.api.call('GET', '/api/catalogue', { headers: world.cast.who.owner.headers });
    expect(listed.json()).toMatchObject({
      items: [
        {
          pack: PACK,
          packVersion: VERSION,
          key: 'incident',
          version: TEMPLATE_VERSION,
          claims: incidentTemplate().claims,
        },
      ],
    });
  });

  it('given a tampered template or one that fails its claims, then 422 PACK_INVALID lists the PACK_* issue with a pointer', async () => {
    const tampered = buildCatalogPack([incidentTemplate()]);
    (tampered.templates[0] as Definition).title = { en: 'Changed after build', zh: '打包后修改' };
    const problem = expectProblem(await importPack(tampered, true), 422, 'PACK_INVALID');
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ code: 'PACK_ISSUE', issue: 'PACK_HASH_MISMATCH', path: '/templates/0', in: 'body' }),
    );

    const overclaiming = incidentWithoutEscalation();
    const failing = expectProblem(await importPack(packAt('9.0.0', [overclaiming]), false), 422, 'PACK_INVALID');
    expect(failing.errors?.[0]).toMatchObject({ issue: 'PACK_CONFORMANCE_FAILED' });
    expect(failing.errors?.[0]?.path).toMatch(/^\/templates\/0\/transitions/);
  });

  it('given a pack whose import fails part-way, then it answers 409 PACK_VERSION_CONFLICT and the previous version stays in use', async () => {
    const second: Definition = { ...incidentTemplate(), key: 'zz-incident', title: { en: 'Second', zh: '第二' } };
    // A staged document left by an earlier import of 9.1.0 with other content.
    await storedData(world.app.platform.clauseflow)
      .raw('catalogue_templates')
      .insertOne({
        _id: `${PACK}@9.1.0/zz-incident` as never,
        pack: PACK,
        packVersion: '9.1.0',
        key: 'zz-incident',
        version: 1,
        text: '{}',
        sha256: '0'.repeat(64),
      });
    const response = await importPack(packAt('9.1.0', [incidentTemplate(), second]), false);
    const problem = expectProblem(response, 409, 'PACK_VERSION_CONFLICT');
    expect(problem.detail).toContain(`still uses ${PACK}@${VERSION}`);
    const listed = await world.api.call('GET', '/api/catalogue', { headers: world.cast.who.admin.headers });
    expect(listed.json<{ items: { key: string; packVersion: string }[] }>().items).toEqual([
      expect.objectContaining({ key: 'incident', packVersion: VERSION }),
    ]);
  });

  it('given CLAUSEFLOW_PACK_PUBLIC_KEY, then unsigned and wrongly signed packs are refused and a signed one is accepted', async () => {
    const keys = generateKeyPairSync('ed25519');
    const other = generateKeyPairSync('ed25519');
    const pem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const signedApp = (await testApp(world.t.db, { env: { CLAUSEFLOW_PACK_PUBLIC_KEY: pem } })).app;
    const signedApi = await ApiClient.for(signedApp);
    const call = (pack: unknown) =>
      signedApi.call('POST', '/api/packs/import', {
        url: '/api/packs/import?dryRun=true',
        headers: world.cast.who.admin.headers,
        payload: pack as Record<string, unknown>,
      });
    const unsigned = expectProblem(await call(buildCatalogPack([incidentTemplate()])), 422, 'PACK_INVALID');
    expect(unsigned.errors?.[0]).toMatchObject({ issue: 'PACK_SIGNATURE_MISSING', path: '/signature' });
    const wrong = expectProblem(
      await call(buildCatalogPack([incidentTemplate()], other.privateKey)),
      422,
      'PACK_INVALID',
    );
    expect(wrong.errors?.[0]).toMatchObject({ issue: 'PACK_BAD_SIGNATURE' });
    expect((await call(buildCatalogPack([incidentTemplate()], keys.privateKey))).statusCode).toBe(200);
    await signedApp.close();
  });

  it('given a template, when an owner tailors it, then they own a new process whose draft derives from it and inherits its claims', async () => {
    const response = await world.api.call('POST', '/api/catalogue/:pack/:key/tailor', {
      url: `/api/catalogue/${PACK}/incident/tailor`,
      headers: world.cast.who.owner.headers,
      payload: { key: 'our-incidents', title: { en: 'Our incidents', zh: '我们的事件' } },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      process: { key: 'our-incidents', owners: [world.cast.ids.owner], canEdit: true },
      draft: {
        rev: 1,
        valid: true,
        definition: {
          key: 'our-incidents',
          derivedFrom: { packName: PACK, templateKey: 'incident', version: TEMPLATE_VERSION },
        },
      },
    });
    expect(response.json<{ draft: { definition: Record<string, unknown> } }>().draft.definition).not.toHaveProperty(
      'claims',
    );

    const published = await world.api.call('POST', '/api/processes/:key/publish', {
      url: '/api/processes/our-incidents/publish',
      headers: world.cast.who.owner.headers,
    });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({
      conformance: { ok: true, summary: { pass: incidentTemplate().claims!.length } },
    });

    // Dropping an inherited claim cannot make it conform.
    const draft = await world.api.call('GET', '/api/processes/:key/draft', {
      url: '/api/processes/our-incidents/draft',
      headers: world.cast.who.owner.headers,
    });
    const definition = { ...draft.json<{ definition: Definition }>().definition, claims: ['8.6.1-1'] };
    await world.api.call('PUT', '/api/processes/:key/draft', {
      url: '/api/processes/our-incidents/draft',
      headers: { ...world.cast.who.owner.headers, 'if-match': '"1"' },
      payload: { definition },
    });
    const refused = expectProblem(
      await world.api.call('POST', '/api/processes/:key/publish', {
        url: '/api/processes/our-incidents/publish',
        headers: world.cast.who.owner.headers,
      }),
      422,
      'DEFINITION_INVALID',
    );
    expect(refused.errors).toContainEqual(expect.objectContaining({ issue: 'CLAIM_DROPPED', path: '/claims' }));
  });

  it('given a newer pack, then upgrades show a clean copy and a conflicting one; apply saves the clean merge and refuses the conflict with 409', async () => {
    const tailor = (key: string) =>
      world.api.call('POST', '/api/catalogue/:pack/:key/tailor', {
        url: `/api/catalogue/${PACK}/incident/tailor`,
        headers: world.cast.who.owner.headers,
        payload: { key },
      });
    await tailor('clean-copy');
    const conflicting = (await tailor('conflicting-copy')).json<{ draft: { definition: Definition } }>().draft
      .definition;
    conflicting.states[0] = { ...conflicting.states[0]!, label: { en: 'Ours', zh: '我们的' } };
    await world.api.call('PUT', '/api/processes/:key/draft', {
      url: '/api/processes/conflicting-copy/draft',
      headers: { ...world.cast.who.owner.headers, 'if-match': '"1"' },
      payload: { definition: conflicting },
    });

    expect((await importPack(packAt('9.2.0', [incidentV2()]), false)).json()).toMatchObject({
      activeVersion: '9.2.0',
      plan: { changed: ['incident'] },
    });

    const preview = await world.api.call('GET', '/api/packs/:name/upgrades', {
      url: `/api/packs/${PACK}/upgrades`,
      headers: world.cast.who.admin.headers,
    });
    const copies = preview.json<{ copies: { copy: string; status: string; conflicts: { path: string }[] }[] }>().copies;
    const byKey = Object.fromEntries(copies.map((c) => [c.copy, c]));
    expect(byKey['clean-copy']).toMatchObject({
      status: 'clean',
      fromVersion: TEMPLATE_VERSION,
      toVersion: TEMPLATE_VERSION + 1,
      conformance: { ok: true },
    });
    expect(byKey['conflicting-copy']).toMatchObject({ status: 'conflicts' });
    expect(byKey['conflicting-copy']!.conflicts[0]!.path).toBe(`/states/${conflicting.states[0].id}`);

    const applied = await world.api.call('POST', '/api/packs/:name/upgrades/:copyKey/apply', {
      url: `/api/packs/${PACK}/upgrades/clean-copy/apply`,
      headers: world.cast.who.admin.headers,
    });
    expect(applied.statusCode).toBe(200);
    const merged = applied.json<{ draft: { rev: number; definition: Definition } }>().draft;
    expect(merged.rev).toBe(2);
    expect(merged.definition.derivedFrom?.version).toBe(TEMPLATE_VERSION + 1);
    expect(merged.definition.states[0]!.label.en).toBe('Logged (v2)');

    const refused = await world.api.call('POST', '/api/packs/:name/upgrades/:copyKey/apply', {
      url: `/api/packs/${PACK}/upgrades/conflicting-copy/apply`,
      headers: world.cast.who.admin.headers,
    });
    const problem = expectProblem(refused, 409, 'CONFLICT');
    expect(problem.errors).toEqual([
      expect.objectContaining({ code: 'MERGE_CONFLICT', path: `/states/${conflicting.states[0].id}` }),
    ]);
  });
});
