import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogPack } from '@clauseflow/application';
import type { Definition } from '@clauseflow/definition';
import { expectProblem } from '../test-support/schema-check.ts';
import { useCastWorld } from '../test-support/test-world.ts';
import { incidentTemplate } from './process-test-fixture.ts';

const PACK = 'clauseflow-iso20000-core';

/**
 * The publish gate on tailored copies, the normal case: the tailor route makes copies without a
 * claims list, so what a copy must meet comes from the template it names in `derivedFrom`.
 */
describe('the publish gate on tailored copies: no silent passes', () => {
  const world = useCastWorld('tailored_publish');
  const owner = () => world.cast.who.owner.headers;

  /** Tailors the incident template under `key`, changes the draft, and tries to publish it. */
  async function publishChanged(key: string, change: (d: Definition) => void) {
    const tailored = await world.api.call('POST', '/api/catalogue/:pack/:key/tailor', {
      url: `/api/catalogue/${PACK}/incident/tailor`,
      headers: owner(),
      payload: { key },
    });
    expect(tailored.statusCode).toBe(201);
    const draft = tailored.json<{ draft: { definition: Definition; rev: number } }>().draft;
    expect(draft.definition.claims).toBeUndefined();
    change(draft.definition);
    const saved = await world.api.call('PUT', '/api/processes/:key/draft', {
      url: `/api/processes/${key}/draft`,
      headers: { ...owner(), 'if-match': `"${draft.rev}"` },
      payload: { definition: draft.definition },
    });
    expect(saved.statusCode).toBe(200);
    return world.api.call('POST', '/api/processes/:key/publish', {
      url: `/api/processes/${key}/publish`,
      headers: owner(),
    });
  }

  beforeAll(async () => {
    await world.app.platform.clauseflow.packs.import(buildCatalogPack([incidentTemplate()]), {
      dryRun: false,
      actor: world.cast.ids.admin,
    });
  });

  it('given a copy without a claims list that still meets its template, then it publishes with every inherited claim passing', async () => {
    const published = await publishChanged('kept-incidents', () => {});
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ conformance: { ok: true, summary: { fail: 0 } } });
    expect(published.json<{ conformance: { summary: { pass: number } } }>().conformance.summary.pass).toBe(
      incidentTemplate().claims!.length,
    );
  });

  it('given a copy without a claims list that breaks an inherited claim, then 422 names the requirement it fails', async () => {
    const refused = await publishChanged('broken-incidents', (d) => {
      d.transitions = d.transitions.filter((t) => !(t.tags ?? []).includes('escalation'));
    });
    const problem = expectProblem(refused, 422, 'DEFINITION_INVALID');
    expect(problem.detail).toContain('8.6.1.c');
    expect(problem.errors).toContainEqual(expect.objectContaining({ code: 'CONFORMANCE_FAILED' }));
  });

  it('given a copy that drops some of its template’s claims, then 422 with CLAIM_DROPPED for each', async () => {
    const refused = await publishChanged('dropping-incidents', (d) => {
      d.claims = incidentTemplate().claims!.filter((c) => c !== '8.6.1.c');
    });
    const problem = expectProblem(refused, 422, 'DEFINITION_INVALID');
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ code: 'CONFORMANCE_FAILED', issue: 'CLAIM_DROPPED' }),
    );
  });

  it('given a copy whose derivedFrom names a template no imported pack holds, then 422 TEMPLATE_NOT_FOUND at /derivedFrom', async () => {
    const refused = await publishChanged('orphan-incidents', (d) => {
      d.derivedFrom = { packName: PACK, templateKey: 'incident', version: 99 };
    });
    const problem = expectProblem(refused, 422, 'DEFINITION_INVALID');
    expect(problem.detail).toContain('not in the catalogue');
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ code: 'CONFORMANCE_FAILED', issue: 'TEMPLATE_NOT_FOUND', path: '/derivedFrom' }),
    );
  });

  it('given a copy whose tagged state no transition reaches any more, then 422 with STATE_UNREACHABLE at that state', async () => {
    const refused = await publishChanged('unreachable-incidents', (d) => {
      d.transitions = d.transitions.filter((t) => t.to !== 'major-incident');
    });
    const problem = expectProblem(refused, 422, 'DEFINITION_INVALID');
    const at = incidentTemplate().states.findIndex((state) => state.id === 'major-incident');
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ code: 'CONFORMANCE_FAILED', issue: 'STATE_UNREACHABLE', path: `/states/${at}` }),
    );
  });

  it('given a copy with a validation error, then 422 lists the definition issue and no verdict is given', async () => {
    const refused = await publishChanged('invalid-incidents', (d) => {
      d.transitions[0] = { ...d.transitions[0]!, to: 'nowhere' };
    });
    const problem = expectProblem(refused, 422, 'DEFINITION_INVALID');
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ code: 'DEFINITION_ISSUE', path: '/transitions/0/to' }),
    );
    expect(problem.errors?.some((e) => e.code === 'CONFORMANCE_FAILED')).toBe(false);
  });
});
