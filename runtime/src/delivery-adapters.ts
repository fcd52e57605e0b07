import { DeliveryError, type DeliveryAdapter, type OutboxMessage } from './outbox.ts';

/** Writes each notification as one JSON line: the development channel. */
export function createLogAdapter(options: { channel?: string; write?: (line: string) => void } = {}): DeliveryAdapter {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  return {
    channel: options.channel ?? 'log',
    deliver: async (message) => {
      write(
        JSON.stringify({
          notification: message._id,
          instanceId: message.instanceId,
          target: message.target,
          payload: message.payload,
        }),
      );
    },
  };
}

export interface WebhookAdapterOptions {
  /** Channel name (default `webhook`). */
  channel?: string;
  /** Where to POST; when absent, the message's `target` must be the URL. */
  url?: string;
  /** When set, only URLs with one of these origins (`https://hooks.example.com`) are called. */
  allowedOrigins?: readonly string[];
  headers?: Readonly<Record<string, string>>;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** Injected for tests (default: the global fetch). */
  fetch?: typeof fetch;
}

/** HTTP statuses worth retrying: timeouts, rate limits and server errors. */
function retryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

/**
 * POSTs each notification as JSON. One call is one attempt: the dispatcher retries with
 * exponential backoff and records attempts, the last error and the next attempt on the
 * message. Every attempt carries the message id as `Idempotency-Key`, so a receiver can drop
 * the repeats that at-least-once delivery may bring. 2xx is success; 408, 425, 429 and 5xx and
 * network failures are retried; any other status fails the message for good.
 */
export function createWebhookAdapter(options: WebhookAdapterOptions = {}): DeliveryAdapter {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    channel: options.channel ?? 'webhook',
    deliver: async (message: OutboxMessage) => {
      const address = options.url ?? message.target;
      let url: URL;
      try {
        url = new URL(address ?? '');
      } catch {
        throw new DeliveryError(`no valid webhook URL for ${message._id}`, { retryable: false });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new DeliveryError(`webhook URL must be http(s): ${url.protocol}`, { retryable: false });
      }
      if (options.allowedOrigins && !options.allowedOrigins.includes(url.origin)) {
        throw new DeliveryError(`webhook origin ${url.origin} is not allowed`, { retryable: false });
      }
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': message._id,
            'user-agent': 'ClauseFlow-Outbox',
            ...options.headers,
          },
          body: JSON.stringify({
            id: message._id,
            instanceId: message.instanceId,
            channel: message.channel,
            target: message.target,
            payload: message.payload,
            createdAt: message.createdAt.toISOString(),
            attempt: message.attempts + 1,
          }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DeliveryError(`webhook request failed: ${reason}`, { retryable: true });
      }
      // Drain the body so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return;
      throw new DeliveryError(`webhook answered HTTP ${response.status}`, {
        retryable: retryableStatus(response.status),
        retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
      });
    },
  };
}
