import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { buildApp } from '../app.ts';

describe('GET /health and the web app', () => {
  let t: TestDatabase;
  const webRoot = mkdtempSync(join(tmpdir(), 'cf-web-'));
  beforeAll(async () => {
    t = await openTestDatabase('health');
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>ClauseFlow</title><h1>ClauseFlow</h1>');
  });
  afterAll(async () => t.close());

  it('given a reachable database, when /health is asked, then it reports ok with a measured round-trip', async () => {
    const app = await buildApp({ db: t.db, webRoot });
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ status: string; db: { ok: boolean; latencyMs: number } }>();
    expect(body.status).toBe('ok');
    expect(body.db.ok).toBe(true);
    expect(body.db.latencyMs).toBeGreaterThanOrEqual(0);
    await app.close();
  });

  it('given a closed database connection, when /health is asked, then it answers 503 degraded', async () => {
    const other = await openTestDatabase('health-closed');
    const app = await buildApp({ db: other.db, webRoot });
    await other.client.close();
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'degraded', db: { ok: false } });
    await app.close();
  });

  it('given a built web app, when / is asked, then its index page is served', async () => {
    const app = await buildApp({ db: t.db, webRoot });
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<h1>ClauseFlow</h1>');
    await app.close();
  });

  it('given no built web app, when / is asked, then 503 explains how to build it in both languages', async () => {
    const app = await buildApp({ db: t.db, webRoot: join(webRoot, 'missing') });
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('pnpm build');
    expect(response.body).toContain('尚未构建');
    await app.close();
  });
});
