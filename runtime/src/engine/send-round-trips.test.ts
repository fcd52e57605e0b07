import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import type { Definition } from '@clauseflow/definition';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import { TestClock } from '../clock.ts';
import { EffectApplier } from './effect-applier.ts';
import { silentLogger } from './engine-logger.ts';
import type { InstanceEventBody } from './instance-event.ts';
import { ProjectionCache } from './projection-cache.ts';
import {
  DEFAULT_NOTIFICATION_CHANNEL,
  notificationPort,
  openRuntime,
  timerPort,
  type Runtime,
} from './runtime-services.ts';

/**
 * What a warm send costs in database round trips: the engine's throughput on FerretDB is bound
 * by them (see `pnpm bench`), so a change that adds a read to the hot path fails here.
 */
describe('round trips of a send (real database, command monitoring)', () => {
  let t: TestDatabase;
  let client: MongoClient;
  let runtime: Runtime;
  const commands: string[] = [];
  const clock = new TestClock('2026-11-30T09:00:00Z');
  const agent = { id: 'ann', roles: ['agent'] };

  beforeAll(async () => {
    t = await openTestDatabase('round_trips');
    client = await new MongoClient(t.uri, { monitorCommands: true }).connect();
    client.on('commandStarted', (e: CommandStartedEvent) => {
      commands.push(`${e.commandName} ${String((e.command as Record<string, unknown>)[e.commandName])}`);
    });
    runtime = await openRuntime(client.db(t.db.databaseName), { clock });
    await runtime.engine.definitions.publish(incident as unknown as Definition, 'owner', clock.now());
  });
  afterAll(async () => {
    await client.close();
    await t.close();
  });

  async function acceptedIncident(): Promise<string> {
    const started = await runtime.engine.start(
      'incident',
      { title: 'Slow VPN', impact: 'low', urgency: 'low' },
      {
        id: 'rob',
        roles: ['requester'],
      },
    );
    if (!started.ok) throw new Error(started.code);
    const accepted = await runtime.engine.send(
      started.instanceId,
      { type: 'accept', data: { category: 'network', impact: 'low', urgency: 'low' } },
      agent,
    );
    if (!accepted.ok) throw new Error(accepted.code);
    return started.instanceId;
  }

  it('given an instance this process just changed, when a keyed escalate is sent, then it appends, enqueues the notification and writes the projection — three commands, no reads', async () => {
    const id = await acceptedIncident();
    commands.length = 0;
    const sent = await runtime.engine.send(id, { type: 'escalate' }, agent, { idempotencyKey: 'esc-1' });
    expect(sent).toMatchObject({ ok: true, replayed: false });
    expect(commands).toEqual(['insert events', 'insert outbox', 'findAndModify instances']);
  });

  it('given the same key sent again, then the log refuses the repeat and the recorded outcome is replayed without a new event', async () => {
    const id = await acceptedIncident();
    const first = await runtime.engine.send(id, { type: 'escalate' }, agent, { idempotencyKey: 'esc-2' });
    if (!first.ok) throw new Error(first.code);
    const again = await runtime.engine.send(id, { type: 'escalate' }, agent, { idempotencyKey: 'esc-2' });
    expect(again).toMatchObject({ ok: true, replayed: true, seq: first.seq });
    expect(await runtime.engine.log.read(id)).toHaveLength(first.seq);
  });

  it('given another process changed the instance meanwhile, when this one sends, then the collision sends it to the log and the send still lands once', async () => {
    const id = await acceptedIncident();
    const other = await openRuntime(t.db, { clock });
    const theirs = await other.engine.send(id, { type: 'escalate' }, agent, { idempotencyKey: 'theirs' });
    if (!theirs.ok) throw new Error(theirs.code);
    const ours = await runtime.engine.send(id, { type: 'escalate' }, agent, { idempotencyKey: 'ours' });
    expect(ours).toMatchObject({ ok: true, seq: theirs.seq + 1, replayed: false });
    expect((await runtime.engine.log.verify(id)).ok).toBe(true);
    expect((await runtime.engine.instance(id))?.seq).toBe(theirs.seq + 1);
  });

  it('given a projection write that lands after a newer one, then the newer projection is put back, rebuilt from its event', async () => {
    const id = await acceptedIncident();
    const sent = await runtime.engine.send(id, { type: 'escalate' }, agent, { idempotencyKey: 'esc-3' });
    if (!sent.ok) throw new Error(sent.code);
    const newest = await runtime.engine.projections.get(id);
    const older = (await runtime.engine.log.get(id, sent.seq - 1))!;
    const body = older.body as unknown as InstanceEventBody;
    const compiled = (await runtime.engine.registry.get(body.process.key, body.process.version))!;
    // A late writer of the older event (for example one that stalled before its projection write).
    const lateWriter = new EffectApplier({
      timers: timerPort(runtime.timers, clock),
      notifications: notificationPort(runtime.outbox, clock, DEFAULT_NOTIFICATION_CHANNEL),
      projections: runtime.engine.projections,
      recent: new ProjectionCache(),
      logger: silentLogger,
      startLinked: () => Promise.reject(new Error('the incident starts no linked record')),
    });
    await lateWriter.apply(id, compiled, older, {}, newest!.createdAt);
    expect(await runtime.engine.projections.get(id)).toEqual(newest);
  });
});
