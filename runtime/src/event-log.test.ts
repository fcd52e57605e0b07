import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { appendWithRetry } from './append-with-retry.ts';
import { TestClock } from './clock.ts';
import { EventLog, emptyHead, eventHash, eventId, type LogHead, type NewEvent, type StoredEvent } from './event-log.ts';
import { isRuntimeError } from './runtime-error-codes.ts';

let t: TestDatabase;
let log: EventLog;
const clock = new TestClock('2026-01-09T09:00:00.000Z');
let counter = 0;

/** A fresh instance id per test so tests never share a log. */
const freshInstance = (): string => `inc-${++counter}`;

function event(instanceId: string, n: number, extra: Partial<NewEvent> = {}): NewEvent {
  clock.advance(1000);
  return { instanceId, type: 'note', actor: 'user:alice', at: clock.now(), body: { n, text: `note ${n}` }, ...extra };
}

async function appendMany(instanceId: string, count: number): Promise<StoredEvent[]> {
  let head: LogHead = emptyHead(instanceId);
  const events: StoredEvent[] = [];
  for (let i = 1; i <= count; i++) {
    const result = await log.append(event(instanceId, i), head);
    if (result.status !== 'appended') throw new Error(`append ${i}: ${result.status}`);
    head = result.head;
    events.push(result.event);
  }
  return events;
}

beforeAll(async () => {
  t = await openTestDatabase('event_log');
  log = await EventLog.open(t.db);
});
afterAll(async () => t.close());

describe('appending to the event log', () => {
  it('given an empty log, when three events are appended, then they are stored with contiguous seqs, padded ids and a hash chain', async () => {
    const id = freshInstance();
    const events = await appendMany(id, 3);
    expect(events.map((e) => e._id)).toEqual([`${id}:0000000001`, `${id}:0000000002`, `${id}:0000000003`]);
    expect(events[0]!.prevHash).toBeNull();
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    expect(events[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    const stored = await log.read(id);
    expect(stored).toEqual(events);
    expect(await log.verify(id)).toEqual({ ok: true, length: 3, headHash: events[2]!.hash });
  });

  it('given no idempotency key, then one is generated, so every event has one', async () => {
    const [first, second] = await appendMany(freshInstance(), 2);
    expect(first!.idempotencyKey).toMatch(/^auto:[0-9a-f-]{36}$/);
    expect(second!.idempotencyKey).not.toBe(first!.idempotencyKey);
  });

  it('given a recorded idempotency key, when it is appended again after the current head, then the recorded event comes back and nothing changes', async () => {
    const id = freshInstance();
    const first = await log.append(event(id, 1, { idempotencyKey: 'req-1' }), emptyHead(id));
    expect(first.status).toBe('appended');
    const head = first.status === 'appended' ? first.head : emptyHead(id);
    const again = await log.append(event(id, 99, { idempotencyKey: 'req-1' }), head);
    expect(again).toMatchObject({ status: 'duplicate', code: 'DUPLICATE' });
    expect(again.status === 'duplicate' && again.event).toEqual(first.status === 'appended' && first.event);
    expect(await log.read(id)).toHaveLength(1);
    expect(await log.findByIdempotencyKey(id, 'req-1')).toMatchObject({ seq: 1, body: { n: 1 } });
  });

  it('given the same request replayed 10 times sequentially and 10 times concurrently, then one event is recorded', async () => {
    const id = freshInstance();
    const request = event(id, 1, { idempotencyKey: 'replayed' });
    for (let i = 0; i < 10; i++) {
      const result = await appendWithRetry(log, id, request);
      expect(result.status).toBe(i === 0 ? 'appended' : 'duplicate');
    }
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => appendWithRetry(log, id, request)));
    expect(concurrent.every((r) => r.status === 'duplicate' && r.event.seq === 1)).toBe(true);
    const other = freshInstance();
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => appendWithRetry(log, other, { ...request, instanceId: other })),
    );
    expect(burst.filter((r) => r.status === 'appended')).toHaveLength(1);
    expect(burst.filter((r) => r.status === 'duplicate')).toHaveLength(9);
    expect(await log.read(id)).toHaveLength(1);
    expect(await log.read(other)).toHaveLength(1);
  });

  it('given two writers appending after the same head, then one wins and the other gets CONFLICT with the head it ran into', async () => {
    const id = freshInstance();
    const [first] = await appendMany(id, 1);
    const head: LogHead = { instanceId: id, seq: 1, hash: first!.hash };
    const results = await Promise.all([log.append(event(id, 2), head), log.append(event(id, 3), head)]);
    const winner = results.find((r) => r.status === 'appended');
    const loser = results.find((r) => r.status === 'conflict');
    expect(winner).toBeDefined();
    expect(loser).toMatchObject({ status: 'conflict', code: 'CONFLICT', seq: 2, observed: { seq: 2 } });
    expect(await log.read(id)).toHaveLength(2);
    expect((await log.verify(id)).ok).toBe(true);
  });

  it('given a stale head and a key recorded at an earlier seq, then the recorded event comes back, unless the caller skips the key check', async () => {
    const id = freshInstance();
    const first = await log.append(event(id, 1, { idempotencyKey: 'k-early' }), emptyHead(id));
    if (first.status !== 'appended') throw new Error('setup');
    const second = await log.append(event(id, 2), first.head);
    if (second.status !== 'appended') throw new Error('setup');
    // The replay thinks the log ends at seq 1, where seq 2 is taken by another event.
    const replay = event(id, 1, { idempotencyKey: 'k-early' });
    expect(await log.append(replay, first.head)).toMatchObject({ status: 'duplicate', event: { seq: 1 } });
    expect(await log.append(replay, first.head, { checkKeyOnConflict: false })).toMatchObject({
      status: 'conflict',
      seq: 2,
    });
    // A replay after the true head meets the key index itself.
    expect(await log.append(replay, second.head, { checkKeyOnConflict: false })).toMatchObject({
      status: 'duplicate',
      event: { seq: 1 },
    });
  });

  it('given 30 concurrent in-process writers with retry, then the log has 30 contiguous events and verifies', async () => {
    const id = freshInstance();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => appendWithRetry(log, id, event(id, i, { idempotencyKey: `w-${i}` }))),
    );
    expect(results.every((r) => r.status === 'appended')).toBe(true);
    const events = await log.read(id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.idempotencyKey)).size).toBe(30);
    expect(await log.verify(id)).toMatchObject({ ok: true, length: 30 });
  });
});

describe('what the event log refuses', () => {
  it.each([
    ['a key starting with $', { $where: 'x' }, '/$where'],
    ['a dotted key', { a: { 'b.c': 1 } }, '/a/b.c'],
    ['an array directly in an array', { list: [1, [2]] }, '/list/1'],
    ['a non-finite number', { n: Infinity }, '/n'],
    ['a Date', { when: new Date() }, '/when'],
  ])('given a body with %s, then INVALID_DOCUMENT names its path and nothing is stored', async (_name, body, path) => {
    const id = freshInstance();
    const error = await log.append(event(id, 1, { body: body as never }), emptyHead(id)).catch((e: unknown) => e);
    expect(isRuntimeError(error, 'INVALID_DOCUMENT')).toBe(true);
    expect((error as { params: { path: string } }).params.path).toBe(path);
    expect(await log.read(id)).toEqual([]);
  });

  it('given an instance id or key that is not a string (operator injection), then INVALID_ARGUMENT before any query', async () => {
    const injected = { $ne: null } as unknown as string;
    await expect(log.read(injected)).rejects.toThrow(/INVALID_ARGUMENT/);
    await expect(log.findByIdempotencyKey('x', injected)).rejects.toThrow(/INVALID_ARGUMENT/);
    await expect(log.append({ ...event('x', 1), instanceId: injected }, emptyHead('x'))).rejects.toThrow(
      /INVALID_ARGUMENT/,
    );
  });

  it('given a head that belongs to another instance or is malformed, then INVALID_ARGUMENT', async () => {
    await expect(log.append(event('a', 1), emptyHead('b'))).rejects.toThrow(/INVALID_ARGUMENT/);
    await expect(log.append(event('a', 1), { instanceId: 'a', seq: 3, hash: null })).rejects.toThrow(
      /INVALID_ARGUMENT/,
    );
  });
});

describe('reading the head and the log', () => {
  it('given a log of 37 events, then both read strategies agree and the head is found from nothing or from an older head', async () => {
    const id = freshInstance();
    const events = await appendMany(id, 37);
    const byQuery = await EventLog.open(t.db, { readStrategy: 'query' });
    const byProbe = await EventLog.open(t.db, { readStrategy: 'probe', probeWindow: 5 });
    for (const reader of [byQuery, byProbe]) {
      expect(await reader.read(id)).toEqual(events);
      expect((await reader.read(id, { fromSeq: 30 })).map((e) => e.seq)).toEqual([30, 31, 32, 33, 34, 35, 36, 37]);
      expect(await reader.head(id)).toEqual({ instanceId: id, seq: 37, hash: events[36]!.hash });
      expect(await reader.head(id, { instanceId: id, seq: 10, hash: events[9]!.hash })).toMatchObject({ seq: 37 });
      expect(await reader.head(freshInstance())).toMatchObject({ seq: 0, hash: null });
    }
  });
});

describe('verify', () => {
  it('given an event whose body was altered in the database, then verify reports that event as the first broken link', async () => {
    const id = freshInstance();
    await appendMany(id, 5);
    const stored = (await log.collection.findOne({ _id: eventId(id, 3) }))!;
    const rewritten = { ...(JSON.parse(stored.body as string) as object), text: 'rewritten history' };
    await log.collection.updateOne({ _id: stored._id }, { $set: { body: JSON.stringify(rewritten) } });
    expect(await log.verify(id)).toMatchObject({
      ok: false,
      code: 'CHAIN_BROKEN',
      brokenAt: 3,
      reason: 'HASH_MISMATCH',
    });
  });

  it('given an altered event whose own hash was recomputed, then the next event no longer links to it', async () => {
    const id = freshInstance();
    await appendMany(id, 4);
    const second = (await log.get(id, 2))!;
    const forged = { ...second, actor: 'user:mallory' };
    await log.collection.replaceOne({ _id: second._id }, { ...forged, hash: eventHash(forged) });
    expect(await log.verify(id)).toMatchObject({ ok: false, brokenAt: 3, reason: 'PREV_HASH_MISMATCH' });
  });

  it.each([
    {
      given: 'an event removed from the middle',
      events: 4,
      tamper: (id: string) => log.collection.deleteOne({ _id: eventId(id, 2) }),
      brokenAt: 2,
      reason: 'SEQ_GAP',
    },
    {
      given: 'a field added to a stored event',
      events: 2,
      tamper: (id: string) =>
        log.collection.updateOne({ _id: eventId(id, 1) }, { $set: { approvedBy: 'user:mallory' } }),
      brokenAt: 1,
      reason: 'HASH_MISMATCH',
    },
    {
      given: 'an event whose body text is no longer JSON',
      events: 2,
      tamper: (id: string) => log.collection.updateOne({ _id: eventId(id, 2) }, { $set: { body: '{"n":' } }),
      brokenAt: 2,
      reason: 'UNREADABLE',
    },
  ])('given $given, then verify reports $reason at seq $brokenAt', async ({ events, tamper, brokenAt, reason }) => {
    const id = freshInstance();
    await appendMany(id, events);
    await tamper(id);
    expect(await log.verify(id)).toMatchObject({ ok: false, brokenAt, reason });
  });

  it('given an appended event, then its body is stored as JSON text in the order written, reads back as the object, and hashes in canonical form', async () => {
    const id = freshInstance();
    const appended = await log.append(event(id, 1, { body: { z: 1, a: { y: [1, 'two'], b: null } } }), emptyHead(id));
    const stored = await log.collection.findOne({ _id: eventId(id, 1) });
    expect(stored?.body).toBe('{"z":1,"a":{"y":[1,"two"],"b":null}}');
    expect(Object.keys((await log.get(id, 1))!.body)).toEqual(['z', 'a']);
    expect((await log.get(id, 1))?.body).toEqual({ z: 1, a: { y: [1, 'two'], b: null } });
    expect(appended.status === 'appended' && appended.event.hash).toBe(eventHash((await log.get(id, 1))!));
  });

  it('given an event stored with its body as a document (logs written before bodies were text), then it reads and verifies', async () => {
    const id = freshInstance();
    await appendMany(id, 3);
    const second = (await log.get(id, 2))!;
    await log.collection.replaceOne({ _id: second._id }, second);
    expect(typeof (await log.collection.findOne({ _id: second._id }))?.body).toBe('object');
    expect((await log.get(id, 2))?.body).toEqual(second.body);
    expect(await log.verify(id)).toMatchObject({ ok: true, length: 3 });
  });

  it('given an instance with no events, then verify passes with length 0', async () => {
    expect(await log.verify(freshInstance())).toEqual({ ok: true, length: 0, headHash: null });
  });
});
