import { request, type ClientRequest, type IncomingMessage } from 'node:http';

/** One Server-Sent Event as received. */
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/**
 * A minimal Server-Sent Events reader for tests: connects, parses events as they arrive and lets
 * a test wait for the event it expects (no sleeps: it resolves on the stream's own output).
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  /** Comment lines received (heartbeats). */
  readonly comments: string[] = [];
  status = 0;
  /** The server ended the response. */
  ended = false;
  private buffer = '';
  private waiters: (() => void)[] = [];
  private req: ClientRequest | null = null;

  private constructor() {}

  /** Opens `url` with `headers`; resolves once the response headers arrived. */
  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    await new Promise<void>((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res: IncomingMessage) => {
        client.status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => client.feed(chunk));
        res.on('end', () => {
          client.ended = true;
          for (const wake of client.waiters.splice(0)) wake();
        });
        resolve();
      });
      req.on('error', reject);
      req.end();
      client.req = req;
    });
    return client;
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event: SseEvent = { data: '' };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
        else if (line.startsWith('id: ')) event.id = line.slice(4);
        else if (line.startsWith('event: ')) event.event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length > 0) {
        event.data = data.join('\n');
        this.events.push(event);
      }
    }
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The `record` events' data, parsed. */
  records<T = { id: string; seq: number; state: string }>(): T[] {
    return this.events.filter((e) => e.event === 'record').map((e) => JSON.parse(e.data) as T);
  }

  /** Resolves once `predicate` holds over what arrived (checked after every chunk). */
  async until(predicate: (client: SseClient) => boolean): Promise<void> {
    while (!predicate(this)) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.req?.destroy();
  }
}
