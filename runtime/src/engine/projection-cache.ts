import type { InstanceDocument } from './instance-projection.ts';

/**
 * The projections this process wrote last, newest last, so a send to an instance this process
 * just changed needs no read. A stale entry (another process appended since) is harmless: the
 * append after its head collides on the log's unique `_id` and the engine reloads from the log.
 */
export class ProjectionCache {
  readonly #entries = new Map<string, InstanceDocument>();

  constructor(private readonly capacity = 10_000) {}

  get(instanceId: string): InstanceDocument | undefined {
    return this.#entries.get(instanceId);
  }

  /** Remembers `doc` unless a newer projection of the instance is already remembered. */
  remember(doc: InstanceDocument): void {
    if (this.capacity <= 0) return;
    const known = this.#entries.get(doc._id);
    if (known && known.seq > doc.seq) return;
    this.#entries.delete(doc._id);
    this.#entries.set(doc._id, doc);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  forget(instanceId: string): void {
    this.#entries.delete(instanceId);
  }
}
