import type { FastifyInstance } from 'fastify';
import { connectDatabase } from '@clauseflow/application';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { ApiClient } from '../test-support/api-client.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import { seedUser, signIn, testApp } from '../test-support/test-app.ts';

describe('protection and operations', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: ApiClient;

  beforeAll(async () => {
    t = await openTestDatabase('operations');
    ({ app } = await testApp(t.db));
    api = await ApiClient.for(app);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('given any response, then security headers and a CSP that lets the web app load its own scripts are sent', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('given a sane x-request-id, then it is echoed; given an insane one, then a fresh id is used', async () => {
    const sane = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'trace-42.a:b' } });
    expect(sane.headers['x-request-id']).toBe('trace-42.a:b');
    const insane = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'x'.repeat(300) } });
    expect(insane.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await app.inject({ method: 'GET', url: '/api/none', headers: { 'x-request-id': 'abc' } });
    expect(problem.json()).toMatchObject({ requestId: 'abc' });
  });

  it('given structured logs, then each request line carries its request id', async () => {
    const lines: string[] = [];
    const logged = await testApp(t.db, {
      logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } },
    });
    await logged.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'log-me-1' } });
    await logged.app.close();
    const entries = lines.map((line) => JSON.parse(line) as { reqId?: string; msg: string });
    expect(entries.some((entry) => entry.reqId === 'log-me-1' && entry.msg === 'request completed')).toBe(true);
  });

  it('given a reachable database, then /ready is 200; given none, then 503', async () => {
    const ready = await api.call('GET', '/ready');
    expect(ready.statusCode).toBe(200);
    const connection = await connectDatabase(t.uri, t.db.databaseName, { serverSelectionTimeoutMS: 500 });
    const { app: down } = await testApp(connection.db);
    await connection.close();
    const downApi = await ApiClient.for(down);
    const unavailable = await downApi.call('GET', '/ready');
    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.json()).toMatchObject({ status: 'unavailable' });
    await down.close();
  });

  it('given traffic and runtime counters, then /metrics exposes latency by route and status and the runtime metrics', async () => {
    await app.inject({ method: 'GET', url: '/health' });
    await app.inject({ method: 'GET', url: '/api/users/u_000000000000000000000000' });
    app.platform.metrics.eventsApplied.inc({ process: 'incident', event: 'resolve' });
    app.platform.metrics.timersFired.inc({ kind: 'sla' });
    app.platform.metrics.slaBreaches.inc({ process: 'incident', clock: 'resolution' });
    await seedUser(app, 'metrics-admin', ['admin']);
    const admin = await signIn(app, 'metrics-admin', 'metrics-admin-password');
    const response = await api.call('GET', '/metrics', { headers: { cookie: admin.cookie } });
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    expect(text).toMatch(
      /clauseflow_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/,
    );
    expect(text).toMatch(/route="\/api\/users\/:id",status="401"/);
    expect(text).toContain('clauseflow_events_applied_total{process="incident",event="resolve"} 1');
    expect(text).toContain('clauseflow_timers_fired_total{kind="sla"} 1');
    expect(text).toContain('clauseflow_sla_breaches_total{process="incident",clock="resolution"} 1');
  });

  it('given timers past due that no scheduler has fired yet, then /metrics counts them from the database at the scrape', async () => {
    // A database of its own, and no scheduler, so nothing fires the probe timers meanwhile.
    const own = await openTestDatabase('operations_timers');
    const { app: quiet, clock } = await testApp(own.db, {
      records: { scheduler: false },
      config: { metricsToken: 'scrape-secret' },
    });
    try {
      const scrape = async () =>
        (await quiet.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-secret' } }))
          .body;
      await quiet.platform.records.init();
      expect(await scrape()).toContain('clauseflow_timers_due 0');
      const timers = quiet.platform.records.runtime.timers;
      const at = (minutes: number) => new Date(clock.now().getTime() + minutes * 60_000);
      for (const [generation, dueAt] of [
        [1, at(-30)],
        [2, at(-1)],
        [3, at(0)],
        [4, at(60)],
      ] as const) {
        await timers.schedule({ instanceId: 'i_metrics_probe', name: 'probe', generation, dueAt }, clock.now());
      }
      expect(await scrape()).toContain('clauseflow_timers_due 3');
      clock.advance(60 * 60_000);
      expect(await scrape()).toContain('clauseflow_timers_due 4');
    } finally {
      await quiet.close();
      await own.close();
    }
  });

  it('given two server processes on one database, then rate-limit counters are shared, per user when signed in', async () => {
    const a = await testApp(t.db, { config: { rateLimitMax: 3 } });
    const b = await testApp(t.db, { config: { rateLimitMax: 3 } });
    await seedUser(a.app, 'busy', ['requester']);
    await seedUser(a.app, 'calm', ['requester']);
    const busyA = await signIn(a.app, 'busy', 'busy-password');
    const busyB = await signIn(b.app, 'busy', 'busy-password');
    const calm = await signIn(b.app, 'calm', 'calm-password');
    const me = (target: FastifyInstance, cookie: string) =>
      target.inject({ method: 'GET', url: '/api/session', headers: { cookie }, remoteAddress: '198.51.100.7' });
    expect((await me(a.app, busyA.cookie)).statusCode).toBe(200);
    expect((await me(b.app, busyB.cookie)).statusCode).toBe(200);
    expect((await me(a.app, busyA.cookie)).statusCode).toBe(200);
    const limited = await me(b.app, busyB.cookie);
    expectProblem(limited, 429, 'RATE_LIMITED');
    // Another user from the same address has a budget of their own.
    expect((await me(b.app, calm.cookie)).statusCode).toBe(200);
    // And the window passes.
    a.clock.advance(60_000);
    b.clock.advance(60_000);
    expect((await me(b.app, busyB.cookie)).statusCode).toBe(200);
    await a.app.close();
    await b.app.close();
  });

  it('given anonymous callers, then they are limited per IP address', async () => {
    const limited = await testApp(t.db, { config: { rateLimitMax: 2 } });
    const anon = (ip: string) => limited.app.inject({ method: 'GET', url: '/api/session', remoteAddress: ip });
    expect((await anon('203.0.113.1')).statusCode).toBe(401);
    expect((await anon('203.0.113.1')).statusCode).toBe(401);
    expectProblem(await anon('203.0.113.1'), 429, 'RATE_LIMITED');
    expect((await anon('203.0.113.2')).statusCode).toBe(401);
    await limited.app.close();
  });

  it('given /metrics, then only a scraper with the metrics token or a signed-in admin reads it', async () => {
    const guarded = await testApp(t.db, { config: { metricsToken: 'scrape-secret' } });
    const scrape = (headers: Record<string, string> = {}) =>
      guarded.app.inject({ method: 'GET', url: '/metrics', headers });
    expectProblem(await scrape(), 401, 'UNAUTHENTICATED');
    expectProblem(await scrape({ authorization: 'Bearer not-the-secret' }), 401, 'UNAUTHENTICATED');
    expect((await scrape({ authorization: 'Bearer scrape-secret' })).statusCode).toBe(200);
    await seedUser(guarded.app, 'metrics-reader', ['requester']);
    const requester = await signIn(guarded.app, 'metrics-reader', 'metrics-reader-password');
    expectProblem(await scrape({ cookie: requester.cookie }), 403, 'FORBIDDEN');
    await guarded.app.close();
  });

  it('given API tokens, then automation has a budget of its own, apart from the same user’s session', async () => {
    const limited = await testApp(t.db, { config: { rateLimitMax: 2, tokenRateLimitMax: 4 } });
    const user = await seedUser(limited.app, 'robot', ['agent']);
    const session = await signIn(limited.app, 'robot', 'robot-password');
    const { secret } = await limited.app.platform.apiTokens.create({ name: 'ci', userId: user, createdBy: user });
    const call = (headers: Record<string, string>) =>
      limited.app.inject({ method: 'GET', url: '/api/session', headers });
    const bearer = { authorization: `Bearer ${secret}` };
    for (let i = 0; i < 4; i++) expect((await call(bearer)).statusCode, `token call ${i + 1}`).toBe(200);
    expectProblem(await call(bearer), 429, 'RATE_LIMITED');
    expect((await call({ cookie: session.cookie })).statusCode).toBe(200);
    expect((await call({ cookie: session.cookie })).statusCode).toBe(200);
    expectProblem(await call({ cookie: session.cookie }), 429, 'RATE_LIMITED');
    await limited.app.close();
  });
});
