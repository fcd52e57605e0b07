/**
 * `pnpm --filter @clauseflow/server bench` (or `pnpm bench` at the root): autocannon, without
 * pipelining, against one server process — reading one record with its access checks and
 * available actions, listing a queue page, and sending an event — at 1, 10 and 50 connections,
 * with `GET /health` measured in the same run as the reference. Prints requests/s, p50 and p99
 * latency and each figure's ratio to `/health`; asserts nothing.
 *
 * Starts its own FerretDB (port 0, a temporary data folder) unless MONGODB_URI is set.
 * BENCH_SECONDS (default 5) per measurement; BENCH_CONNECTIONS (default "1,10,50");
 * BENCH_RECORDS (default 100) records seeded.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { MongoClient } from 'mongodb';
import { openDatabaseServer } from '@clauseflow/embedded-db';
import { buildApp } from '../src/app.ts';
import { TEST_SCRYPT, testWebRoot } from '../src/test-support/test-app.ts';
import { incidentData, seedRecordWorld, TRIAGE } from '../src/records/testing/record-fixture.ts';
import { spawnServer } from '../src/records/testing/spawn-server.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONNECTIONS = (process.env['BENCH_CONNECTIONS'] ?? '1,10,50')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const RECORDS = Number(process.env['BENCH_RECORDS'] ?? 100);
const AGENTS = Number(process.env['BENCH_AGENTS'] ?? 10);

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  /** A path per request (records rotate so writers spread over many logs). */
  path: () => string;
  /** Headers per request (callers rotate, as many users would). */
  headers: () => Record<string, string>;
  body?: string;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** Responses received during the measurement. */
  done: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failed: number;
}

async function measure(url: string, scenario: Scenario, connections: number): Promise<Figures> {
  const result = await autocannon({
    url,
    connections,
    pipelining: 1,
    duration: SECONDS,
    timeout: 30,
    requests: [
      {
        method: scenario.method,
        ...(scenario.body ? { body: scenario.body } : {}),
        setupRequest: (request) => ({
          ...request,
          path: scenario.path(),
          headers: { ...scenario.headers(), ...(scenario.body ? { 'content-type': 'application/json' } : {}) },
        }),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    done: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

function row(cells: (string | number)[]): string {
  const widths = [30, 6, 10, 8, 8, 9, 7, 7];
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join(' ');
}

const dataDir = process.env['MONGODB_URI'] ? undefined : mkdtempSync(join(tmpdir(), 'cf-server-bench-'));
const database = await openDatabaseServer({ port: 0, ...(dataDir ? { dataDir } : {}), log: () => undefined });
const dbName = `bench_server_${randomBytes(4).toString('hex')}`;
const client = await new MongoClient(database.uri).connect();
const db = client.db(dbName);
let server: Awaited<ReturnType<typeof spawnServer>> | undefined;
try {
  // Seed through the API code in this process; measure against a server in another.
  const seeder = await buildApp({
    db,
    webRoot: testWebRoot(),
    env: {},
    config: { scrypt: TEST_SCRYPT, rateLimitMax: 1_000_000_000 },
    records: { scheduler: false },
    onFirstRun: () => undefined,
  });
  const who = await seedRecordWorld(seeder);
  // Several agents of the process, so per-user counters (rate limits) are not one hot document.
  const agents: Record<string, string>[] = [who.agent.headers];
  for (let i = 1; i < AGENTS; i++) {
    const user = await seeder.platform.users.create({
      username: `bench-agent-${i}`,
      displayName: `Agent ${i}`,
      password: 'bench-agent-password',
      roles: ['agent'],
      groups: ['desk'],
    });
    const token = await seeder.platform.apiTokens.create({ name: 'bench', userId: user._id, createdBy: user._id });
    agents.push({ authorization: `Bearer ${token.secret}` });
  }
  const ids: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const started = await seeder.inject({
      method: 'POST',
      url: '/api/processes/incident/records',
      headers: who.requester.headers,
      payload: { data: incidentData(`Bench incident ${i}`) },
    });
    const id = started.json<{ id: string }>().id;
    await seeder.inject({
      method: 'POST',
      url: `/api/records/${id}/events`,
      headers: who.agent.headers,
      payload: { type: 'accept', data: TRIAGE },
    });
    ids.push(id);
  }
  await seeder.close();
  server = await spawnServer(database.uri, dbName, { CLAUSEFLOW_RATE_LIMIT: '1000000000' });

  let next = 0;
  const rotate = () => ids[next++ % ids.length]!;
  let caller = 0;
  const agent = () => agents[caller++ % agents.length]!;
  const one = ids[0]!;
  const scenarios: Scenario[] = [
    { name: 'GET /health', method: 'GET', path: () => '/health', headers: () => ({}) },
    // The platform's per-request cost (token, user, rate-limit counter) without any record work.
    { name: 'GET /api/session (baseline)', method: 'GET', path: () => '/api/session', headers: agent },
    { name: 'GET /api/records/:id', method: 'GET', path: () => `/api/records/${one}`, headers: agent },
    {
      name: 'GET /api/records?limit=25',
      method: 'GET',
      path: () => '/api/records?process=incident&state=in-progress&limit=25',
      headers: agent,
    },
    {
      name: 'POST /api/records/:id/events',
      method: 'POST',
      path: () => `/api/records/${rotate()}/events`,
      headers: agent,
      body: JSON.stringify({ type: 'escalate' }),
    },
  ];

  console.log(
    `server bench: ${database.embedded ? 'embedded FerretDB' : 'MONGODB_URI'}, ${RECORDS} records, ${AGENTS} agents, ${SECONDS}s per measurement, no pipelining`,
  );
  console.log(row(['scenario', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'vs health', 'done', 'failed']));
  for (const connections of CONNECTIONS) {
    let health = 0;
    for (const scenario of scenarios) {
      const figures = await measure(server.url, scenario, connections);
      // Requests autocannon gave up on at the end are still being served: wait for that backlog
      // (one request queued behind it) so it does not slow down the next measurement.
      await fetch(`${server.url}/api/records/${one}`, { headers: agent() }).then((r) => r.arrayBuffer());
      if (scenario.name === 'GET /health') health = figures.rps;
      const ratio = health > 0 ? `${((figures.rps / health) * 100).toFixed(1)}%` : '-';
      console.log(
        row([
          scenario.name,
          connections,
          figures.rps.toFixed(0),
          figures.p50.toFixed(1),
          figures.p99.toFixed(1),
          ratio,
          figures.done,
          figures.failed,
        ]),
      );
    }
  }
} finally {
  await server?.stop();
  await db.dropDatabase().catch(() => undefined);
  await client.close();
  await database.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
