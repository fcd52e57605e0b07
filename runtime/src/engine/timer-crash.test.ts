import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '@clauseflow/definition';
import { repoRoot } from '@clauseflow/embedded-db';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { TestClock } from '../clock.ts';
import { openRuntime, type Runtime } from './runtime-services.ts';

const FIRING_PROCESS = fileURLToPath(new URL('./testing/timer-firing-process.ts', import.meta.url));
const TIMERS = 1000;

/** A process whose only state waits for a one-minute timer. */
const ping = {
  formatVersion: 1,
  key: 'ping',
  version: 1,
  title: { en: 'Ping', zh: '探测' },
  tags: [],
  record: { schema: { type: 'object', properties: { n: { type: 'integer', 'x-label': { en: 'N', zh: '序号' } } } } },
  roles: [{ id: 'requester', label: { en: 'Requester', zh: '请求人' } }],
  initialState: 'waiting',
  states: [
    {
      id: 'waiting',
      label: { en: 'Waiting', zh: '等待' },
      tags: [],
      kind: 'normal',
      timers: [{ id: 'ring', after: 'PT1M', time: 'calendar', event: 'ring' }],
    },
    { id: 'rung', label: { en: 'Rung', zh: '已响' }, tags: [], kind: 'final' },
  ],
  transitions: [{ id: 'ring', from: 'waiting', event: 'ring', to: 'rung', label: { en: 'Ring', zh: '响铃' } }],
  decisions: [],
  ruleSets: [],
  forms: [],
  clocks: [],
  calendars: [],
} as unknown as Definition;

/** Runs the firing process; with `killAfter`, SIGKILLs it once it has fired that many timers. */
function runFiringProcess(uri: string, dbName: string, now: string, killAfter?: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', FIRING_PROCESS, uri, dbName, now], {
    cwd: repoRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let fired = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    fired += chunk
      .toString()
      .split('\n')
      .filter((line) => line.startsWith('FIRED ')).length;
    if (killAfter !== undefined && fired >= killAfter) child.kill('SIGKILL');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ fired: number; code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ fired, code, signal, stderr })),
  );
}

describe('a timer-firing process killed with SIGKILL in the middle of 1,000 pending timers', () => {
  let t: TestDatabase;
  let rt: Runtime;
  const ids: string[] = [];
  const clock = new TestClock('2026-11-30T09:00:00Z');

  beforeAll(async () => {
    t = await openTestDatabase('timer_crash');
    rt = await openRuntime(t.db, { clock });
    await rt.engine.definitions.publish(ping, 'owner', clock.now());
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < TIMERS; i = next++) {
        const started = await rt.engine.start('ping', { n: i }, { id: 'rob', roles: ['requester'] });
        if (!started.ok) throw new Error(JSON.stringify(started));
        ids.push(started.instanceId);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }, 300_000);
  afterAll(async () => t.close());

  it('given the process dies part way, when another starts, then every due timer fires exactly once and none is lost', async () => {
    expect(await rt.timers.collection.countDocuments({ status: 'scheduled' })).toBe(TIMERS);
    const due = '2026-11-30T09:05:00Z';
    const killed = await runFiringProcess(t.uri, t.db.databaseName, due, 150);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.fired).toBeGreaterThanOrEqual(150);
    expect(killed.fired).toBeLessThan(TIMERS);

    const restarted = await runFiringProcess(t.uri, t.db.databaseName, due);
    expect(restarted.code, restarted.stderr).toBe(0);

    // One query over the whole log (reading 1,000 logs one by one is slow on FerretDB).
    const ringEvents = await rt.engine.log.collection
      .find({ type: 'ring' }, { projection: { instanceId: 1, idempotencyKey: 1 } })
      .toArray();
    const perInstance = new Map<string, number>();
    for (const e of ringEvents) perInstance.set(e.instanceId, (perInstance.get(e.instanceId) ?? 0) + 1);
    expect(ids.filter((id) => perInstance.get(id) !== 1)).toEqual([]);
    expect(new Set(ringEvents.map((e) => e.idempotencyKey)).size).toBe(TIMERS);
    const rings = ringEvents.length;
    expect(rings).toBe(TIMERS);
    console.log(
      `crash test: ${killed.fired} timers fired before SIGKILL, ${restarted.fired} after the restart, ${rings} rings in the logs`,
    );
  }, 600_000);
});
