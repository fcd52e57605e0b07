import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { TestClock } from './clock.ts';
import { createLogAdapter, createWebhookAdapter } from './delivery-adapters.ts';
import { Outbox, OutboxDispatcher, outboxId } from './outbox.ts';

let t: TestDatabase;
let n = 0;

const freshOutbox = async (): Promise<Outbox> => Outbox.open(t.db, { collection: `outbox_${++n}` });

/** A local webhook receiver answering with the given statuses in turn (then 200). */
async function receiver(statuses: number[]): Promise<{
  url: string;
  requests: { headers: IncomingHttpHeaders; body: unknown }[];
  close(): Promise<void>;
}> {
  const requests: { headers: IncomingHttpHeaders; body: unknown }[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(text) as unknown });
      res.statusCode = statuses.shift() ?? 200;
      res.end(res.statusCode === 200 ? 'ok' : 'try later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/clauseflow`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

beforeAll(async () => {
  t = await openTestDatabase('outbox');
});
afterAll(async () => t.close());

describe('outbox', () => {
  it('given the same notification effect enqueued twice (a retried effect), then one message is stored', async () => {
    const outbox = await freshOutbox();
    const clock = new TestClock();
    const entry = {
      id: outboxId('inc-1', 4, 0),
      instanceId: 'inc-1',
      channel: 'log',
      target: 'role:service-desk',
      payload: { text: 'P1 raised' },
    };
    expect(await outbox.enqueue(entry, clock.now())).toMatchObject({
      status: 'enqueued',
      message: { _id: 'inc-1:4:0', status: 'pending', attempts: 0 },
    });
    expect(await outbox.enqueue(entry, clock.now())).toEqual({ status: 'already-enqueued', id: 'inc-1:4:0' });
    expect(await outbox.collection.countDocuments({})).toBe(1);
  });

  it('given a message for the log channel, then the log adapter writes it once and it is marked delivered', async () => {
    const outbox = await freshOutbox();
    const clock = new TestClock();
    const lines: string[] = [];
    await outbox.enqueue(
      { id: 'inc-2:1:0', instanceId: 'inc-2', channel: 'log', payload: { text: 'assigned to you' } },
      clock.now(),
    );
    const dispatcher = new OutboxDispatcher({
      outbox,
      clock,
      adapters: [createLogAdapter({ write: (line) => lines.push(line) })],
    });
    expect(await dispatcher.runDue()).toEqual({ delivered: 1, retried: 0, failed: 0, skipped: 0 });
    expect(await dispatcher.runDue()).toEqual({ delivered: 0, retried: 0, failed: 0, skipped: 0 });
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { notification: 'inc-2:1:0', instanceId: 'inc-2', target: null, payload: { text: 'assigned to you' } },
    ]);
    expect(await outbox.get('inc-2:1:0')).toMatchObject({ status: 'delivered', attempts: 1, deliveredAt: clock.now() });
  });

  it('given a webhook that fails twice then succeeds, then attempts, last error and next attempt are recorded with exponential backoff until it is delivered', async () => {
    const hook = await receiver([503, 500]);
    try {
      const outbox = await freshOutbox();
      const clock = new TestClock('2026-01-09T09:00:00Z');
      const t0 = clock.now().getTime();
      await outbox.enqueue(
        {
          id: 'inc-3:2:0',
          instanceId: 'inc-3',
          channel: 'webhook',
          target: hook.url,
          payload: { event: 'breached', priority: 'P1' },
        },
        clock.now(),
      );
      const dispatcher = new OutboxDispatcher({
        outbox,
        clock,
        adapters: [createWebhookAdapter()],
        backoffBaseMs: 1000,
      });

      expect(await dispatcher.runDue()).toMatchObject({ retried: 1, delivered: 0 });
      expect(await outbox.get('inc-3:2:0')).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'webhook answered HTTP 503',
        nextAttemptAt: new Date(t0 + 1000),
      });

      expect(await dispatcher.runDue()).toMatchObject({ retried: 0, delivered: 0 }); // backing off: nothing due yet
      clock.advance(1000);
      expect(await dispatcher.runDue()).toMatchObject({ retried: 1 });
      expect(await outbox.get('inc-3:2:0')).toMatchObject({
        attempts: 2,
        lastError: 'webhook answered HTTP 500',
        nextAttemptAt: new Date(t0 + 1000 + 2000),
      });

      clock.advance(2000);
      expect(await dispatcher.runDue()).toMatchObject({ delivered: 1 });
      expect(await outbox.get('inc-3:2:0')).toMatchObject({
        status: 'delivered',
        attempts: 3,
        lastError: null,
        deliveredAt: new Date(t0 + 3000),
      });

      expect(hook.requests).toHaveLength(3);
      expect(hook.requests.map((r) => r.headers['idempotency-key'])).toEqual(['inc-3:2:0', 'inc-3:2:0', 'inc-3:2:0']);
      expect(hook.requests.map((r) => (r.body as { attempt: number }).attempt)).toEqual([1, 2, 3]);
      expect(hook.requests[2]!.body).toMatchObject({
        id: 'inc-3:2:0',
        instanceId: 'inc-3',
        payload: { event: 'breached', priority: 'P1' },
      });
      expect(hook.requests[0]!.headers['content-type']).toBe('application/json');
    } finally {
      await hook.close();
    }
  });

  it('given a webhook that refuses the message (HTTP 400), then it fails for good without further attempts', async () => {
    const hook = await receiver([400]);
    try {
      const outbox = await freshOutbox();
      const clock = new TestClock();
      await outbox.enqueue(
        { id: 'inc-4:1:0', instanceId: 'inc-4', channel: 'webhook', target: hook.url, payload: {} },
        clock.now(),
      );
      const dispatcher = new OutboxDispatcher({ outbox, clock, adapters: [createWebhookAdapter()] });
      expect(await dispatcher.runDue()).toMatchObject({ failed: 1 });
      expect(await outbox.get('inc-4:1:0')).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: 'webhook answered HTTP 400',
      });
      clock.advance(3600_000);
      expect(await dispatcher.runDue()).toMatchObject({ delivered: 0, retried: 0, failed: 0 });
      expect(hook.requests).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it('given a channel nobody delivers, then the message backs off with UNKNOWN_DELIVERY_CHANNEL and fails after the last attempt', async () => {
    const outbox = await freshOutbox();
    const clock = new TestClock();
    const codes: string[] = [];
    await outbox.enqueue({ id: 'inc-5:1:0', instanceId: 'inc-5', channel: 'sms', payload: {} }, clock.now());
    const dispatcher = new OutboxDispatcher({
      outbox,
      clock,
      adapters: [],
      maxAttempts: 2,
      onError: (e) => codes.push((e as { code: string }).code),
    });
    expect(await dispatcher.runDue()).toMatchObject({ retried: 1 });
    expect((await outbox.get('inc-5:1:0'))?.lastError).toMatch(/^UNKNOWN_DELIVERY_CHANNEL/);
    clock.advance(dispatcher.backoffMs(1));
    expect(await dispatcher.runDue()).toMatchObject({ failed: 1 });
    expect(await outbox.get('inc-5:1:0')).toMatchObject({ status: 'failed', attempts: 2 });
    expect(codes).toEqual(['DELIVERY_FAILED', 'DELIVERY_FAILED']);
  });

  it('given a webhook whose origin is not allowed or a target that is not a URL, then it is not called and the message fails', async () => {
    const outbox = await freshOutbox();
    const clock = new TestClock();
    const calls: unknown[] = [];
    const adapter = createWebhookAdapter({
      allowedOrigins: ['https://hooks.example.com'],
      fetch: async (...args) => {
        calls.push(args);
        return new Response('ok');
      },
    });
    await outbox.enqueue(
      { id: 'a', instanceId: 'i', channel: 'webhook', target: 'http://169.254.169.254/latest', payload: {} },
      clock.now(),
    );
    await outbox.enqueue(
      { id: 'b', instanceId: 'i', channel: 'webhook', target: 'not a url', payload: {} },
      clock.now(),
    );
    const dispatcher = new OutboxDispatcher({ outbox, clock, adapters: [adapter] });
    expect(await dispatcher.runDue()).toMatchObject({ failed: 2 });
    expect(calls).toHaveLength(0);
  });

  it('given a message another dispatcher holds, then this one skips it until the lease runs out', async () => {
    const outbox = await freshOutbox();
    const clock = new TestClock();
    await outbox.enqueue({ id: 'held', instanceId: 'i', channel: 'log', payload: {} }, clock.now());
    expect(await outbox.claim('held', clock.now(), new Date(clock.now().getTime() + 60_000))).toBe(true);
    const dispatcher = new OutboxDispatcher({
      outbox,
      clock,
      adapters: [createLogAdapter({ write: () => undefined })],
    });
    expect(await dispatcher.runDue()).toMatchObject({ skipped: 1, delivered: 0 });
    clock.advance(60_000);
    expect(await dispatcher.runDue()).toMatchObject({ delivered: 1 });
  });
});
