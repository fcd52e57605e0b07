import { compile, type CompiledProcess } from '@clauseflow/definition';
import { DefinitionStore, type StoredVersion } from '../definitions/definition-store.ts';

/** How many compiled versions stay cached (compiling is the expensive part of a cold step). */
const CACHE_SIZE = 200;

/**
 * Compiled published definitions, built once per version and reused by every step of every
 * instance pinned to that version.
 */
export class ProcessRegistry {
  private readonly cache = new Map<string, CompiledProcess>();

  constructor(private readonly store: DefinitionStore) {}

  /** The newest published version of a process, compiled; null when none is published. */
  async latest(key: string): Promise<CompiledProcess | null> {
    const stored = await this.store.latest(key);
    return stored ? this.compiled(stored) : null;
  }

  /** One published version, compiled; null when it does not exist. */
  async get(key: string, version: number): Promise<CompiledProcess | null> {
    const hit = this.cache.get(`${key}@${version}`);
    if (hit) return hit;
    const stored = await this.store.get(key, version);
    return stored ? this.compiled(stored) : null;
  }

  private compiled(stored: StoredVersion): CompiledProcess {
    const hit = this.cache.get(stored._id);
    if (hit) {
      // Refresh its place in the least-recently-used order.
      this.cache.delete(stored._id);
      this.cache.set(stored._id, hit);
      return hit;
    }
    const compiled = compile(DefinitionStore.definitionOf(stored));
    this.cache.set(stored._id, compiled);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return compiled;
  }
}
