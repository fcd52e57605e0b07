import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { incidentDefinition } from '../processes/process-test-fixture.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import { seedUser, signIn, testApp, type SignedIn } from '../test-support/test-app.ts';
import type { CatalogueEntry } from './service-catalogue.ts';

type Who = 'admin' | 'owner' | 'alice' | 'bob' | 'carol' | 'dave';

/** Three services with different audiences, one retired and one never published. */
const SERVICES = {
  'it-help': {
    title: { en: 'IT help', zh: 'IT 帮助' },
    description: { en: 'Report anything broken.', zh: '报告任何故障。' },
    audience: { roles: [], organizations: [] },
  },
  'acme-onboarding': {
    title: { en: 'Acme onboarding', zh: 'Acme 入职' },
    description: { en: 'Accounts for new Acme staff.', zh: '为 Acme 新员工开通账号。' },
    audience: { roles: [], organizations: ['org-acme'] },
  },
  'tool-access': {
    title: { en: 'Agent tool access', zh: '坐席工具权限' },
    description: { en: 'Access to the agent console.', zh: '申请坐席控制台权限。' },
    audience: { roles: ['agent'], organizations: [] },
  },
  'old-fax': {
    title: { en: 'Fax line', zh: '传真线路' },
    description: { en: 'Retired service.', zh: '已停用的服务。' },
    audience: { roles: [], organizations: [] },
  },
} as const;

describe('the requester portal’s service catalogue (ISO/IEC 20000-1 8.2.4)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: ApiClient;
  const who = {} as Record<Who, SignedIn>;

  const catalogue = async (caller: Who, query = '') => {
    const response = await api.call('GET', '/api/portal/catalogue', {
      url: `/api/portal/catalogue${query}`,
      headers: who[caller].headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ locale: string; items: CatalogueEntry[] }>();
  };
  const keys = async (caller: Who) => (await catalogue(caller)).items.map((entry) => entry.key);

  beforeAll(async () => {
    t = await openTestDatabase('service_catalogue');
    ({ app } = await testApp(t.db, { records: { scheduler: false } }));
    api = await ApiClient.for(app);
    const { groups } = app.platform;
    await groups.create('org-acme', { en: 'Acme Corp', zh: 'Acme 公司' });
    await groups.create('org-globex', { en: 'Globex', zh: 'Globex 公司' });
    const ids = {
      admin: await seedUser(app, 'admin', ['admin']),
      owner: await seedUser(app, 'owner', ['process-owner']),
      alice: await seedUser(app, 'alice', ['requester'], ['org-acme']),
      bob: await seedUser(app, 'bob', ['requester'], ['org-globex']),
      carol: await seedUser(app, 'carol', ['agent'], ['org-acme']),
      dave: await seedUser(app, 'dave', ['requester']),
    };
    await app.platform.users.update(ids.bob, { locale: 'zh' });
    for (const name of Object.keys(ids) as Who[]) who[name] = await signIn(app, name, `${name}-password`);

    const admin = who.admin.headers;
    const requesters = { role: 'requester', users: [ids.dave], groups: ['org-acme', 'org-globex'] };
    for (const [key, service] of [...Object.entries(SERVICES), ['never-published', SERVICES['it-help']] as const]) {
      const created = await api.call('POST', '/api/processes', {
        headers: admin,
        payload: {
          key,
          title: service.title,
          owners: [ids.owner],
          grants: [requesters],
          audience: service.audience,
        },
      });
      expect(created.statusCode).toBe(201);
      if (key === 'never-published') continue;
      const definition = { ...incidentDefinition(key), title: service.title, description: service.description };
      const draft = await app.inject({
        method: 'PUT',
        url: `/api/processes/${key}/draft`,
        headers: admin,
        payload: { definition },
      });
      expect(draft.statusCode).toBe(200);
      expect(
        (await app.inject({ method: 'POST', url: `/api/processes/${key}/publish`, headers: admin })).statusCode,
      ).toBe(201);
    }
    expect(
      (await app.inject({ method: 'POST', url: '/api/processes/old-fax/retire', headers: admin })).statusCode,
    ).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('given two organizations and three audiences, then each viewer sees exactly the entries meant for their role and organization', async () => {
    expect(await keys('alice')).toEqual(['acme-onboarding', 'it-help']);
    expect(await keys('bob')).toEqual(['it-help']);
    expect(await keys('carol')).toEqual(['acme-onboarding', 'tool-access', 'it-help']);
    // Dave holds a requester grant on every process but belongs to no organization.
    expect(await keys('dave')).toEqual(['it-help']);
    expect(await keys('admin')).toEqual(['acme-onboarding', 'tool-access', 'it-help']);
  });

  it('given a viewer in the audience but without a requester grant, then the entry is not shown', async () => {
    // The process owner matches the empty audience of it-help, but holds no requester role in it.
    expect(await keys('owner')).toEqual([]);
  });

  it('given a retired or never-published process, then no one sees it, admin included', async () => {
    for (const caller of ['admin', 'alice', 'bob', 'carol', 'dave'] as const) {
      const shown = await keys(caller);
      expect(shown, caller).not.toContain('old-fax');
      expect(shown, caller).not.toContain('never-published');
    }
  });

  it('given a locale, then titles and descriptions come in that language; without one, in the viewer’s own', async () => {
    const english = await catalogue('alice', '?locale=en');
    expect(english.locale).toBe('en');
    expect(english.items.find((entry) => entry.key === 'acme-onboarding')).toEqual({
      key: 'acme-onboarding',
      version: 1,
      title: 'Acme onboarding',
      description: 'Accounts for new Acme staff.',
      startForm: 'report',
      startUrl: '/api/processes/acme-onboarding/records',
    });
    const chinese = await catalogue('alice', '?locale=zh');
    expect(chinese.items.map((entry) => [entry.key, entry.title, entry.description])).toEqual([
      ['acme-onboarding', 'Acme 入职', '为 Acme 新员工开通账号。'],
      ['it-help', 'IT 帮助', '报告任何故障。'],
    ]);
    const bobs = await catalogue('bob');
    expect(bobs.locale).toBe('zh');
    expect(bobs.items[0]?.title).toBe('IT 帮助');
    expectProblem(
      await app.inject({ method: 'GET', url: '/api/portal/catalogue?locale=fr', headers: who.alice.headers }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await app.inject({ method: 'GET', url: '/api/portal/catalogue' }), 401, 'UNAUTHENTICATED');
  });

  it('given the process owner changes an audience, then the catalogue follows; requesters may not change it and unknown organizations are refused', async () => {
    const patch = (caller: Who, audience: object) =>
      api.call('PATCH', '/api/processes/:key', {
        url: '/api/processes/acme-onboarding',
        headers: who[caller].headers,
        payload: { audience },
      });
    expectProblem(await patch('alice', { roles: [], organizations: [] }), 403, 'FORBIDDEN');
    expectProblem(await patch('owner', { roles: [], organizations: ['org-nowhere'] }), 400, 'VALIDATION_FAILED');
    const changed = await patch('owner', { roles: ['requester'], organizations: ['org-globex'] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<{ audience: object }>().audience).toEqual({
      roles: ['requester'],
      organizations: ['org-globex'],
    });
    expect(await keys('alice')).toEqual(['it-help']);
    expect(await keys('bob')).toEqual(['acme-onboarding', 'it-help']);
    // Carol is an agent, not a requester, and not of Globex.
    expect(await keys('carol')).toEqual(['tool-access', 'it-help']);
  });

  it('given a catalogue entry, when the viewer posts to its start URL, then a request is raised', async () => {
    const entry = (await catalogue('bob')).items.find((item) => item.key === 'it-help')!;
    const started = await app.inject({
      method: 'POST',
      url: entry.startUrl,
      headers: who.bob.headers,
      payload: { data: { title: 'Printer jam', impact: 'medium', urgency: 'medium' } },
    });
    expect(started.statusCode, started.body).toBe(201);
  });
});
