import type { FastifyInstance } from 'fastify';
import { storedData } from '@clauseflow/application/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { testApp } from '../test-support/test-app.ts';
import { incidentData, seedRecordWorld, TRIAGE, type Caller, type Party } from './testing/record-fixture.ts';
import { spawnServer, type ServerProcess } from './testing/spawn-server.ts';
import { SseClient } from './testing/sse-client.ts';

describe('two server processes on one database', () => {
  let t: TestDatabase;
  let seeder: FastifyInstance;
  let who: Record<Party, Caller>;
  let a: ServerProcess;
  let b: ServerProcess;
  let stream: SseClient | undefined;

  const call = async (server: ServerProcess, method: string, path: string, caller: Caller, body?: object) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...caller.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    t = await openTestDatabase('two_servers');
    ({ app: seeder } = await testApp(t.db, { records: { scheduler: false } }));
    who = await seedRecordWorld(seeder);
    const env = { CLAUSEFLOW_STREAM_POLL_MS: '50', CLAUSEFLOW_SCHEDULER_IDLE_MS: '100' };
    [a, b] = await Promise.all([
      spawnServer(t.uri, t.db.databaseName, env),
      spawnServer(t.uri, t.db.databaseName, env),
    ]);
  }, 60_000);
  afterAll(async () => {
    stream?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await seeder.close();
    await t.close();
  });

  it('given events sent to one process, then the other serves them and streams them; each due timer fires once although both run a scheduler', async () => {
    expect(a.pid).not.toBe(b.pid);
    expect(a.url).not.toBe(b.url);
    stream = await SseClient.open(`${b.url}/api/records/stream`, who.agent.headers);
    expect(stream.status).toBe(200);

    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const started = await call(a, 'POST', '/api/processes/incident/records', who.requester, {
        data: incidentData(`Two servers ${i}`),
      });
      expect(started.status).toBe(201);
      const id = started.body['id'] as string;
      const accepted = await call(a, 'POST', `/api/records/${id}/events`, who.agent, { type: 'accept', data: TRIAGE });
      expect(accepted.status).toBe(200);
      ids.push(id);
    }
    const seen = (seq: number) => (c: SseClient) =>
      ids.every((id) => c.records().some((r) => r.id === id && r.seq >= seq));
    await stream.until(seen(2));
    const onB = await call(b, 'GET', `/api/records/${ids[0]}`, who.agent);
    expect(onB.body).toMatchObject({ id: ids[0], state: 'in-progress', seq: 2 });

    // Time passes for the escalation timers: both schedulers find them due.
    const timers = storedData(seeder.platform.clauseflow).raw<{
      _id: string;
      instanceId: string;
      name: string;
      dueAt: Date;
      runAt: Date;
    }>('timers');
    const escalations = await timers.find({ instanceId: { $in: ids }, name: 'state' }).toArray();
    expect(escalations).toHaveLength(ids.length);
    const past = new Date(0);
    await timers.updateMany({ instanceId: { $in: ids }, name: 'state' }, { $set: { dueAt: past, runAt: past } });
    await stream.until(seen(3));

    for (const id of ids) {
      const log = await seeder.platform.records.engine.log.read(id);
      expect(log.map((e) => e.type)).toEqual(['started', 'accept', 'escalate']);
      expect((await call(b, 'GET', `/api/records/${id}/audit`, who.agent)).body).toMatchObject({ ok: true, length: 3 });
    }
    const afterA = await call(a, 'GET', `/api/records/${ids[9]}`, who.agent);
    expect(afterA.body).toMatchObject({ seq: 3, data: { escalated: true } });
  }, 60_000);
});
