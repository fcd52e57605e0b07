import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('pnpm-workspace.yaml not found above ' + import.meta.url);
    dir = parent;
  }
  return dir;
}

/** Git-ignored folder for tools the project builds itself (FerretDB). */
export function toolsBinDir(root = repoRoot()): string {
  return join(root, '.tools', 'bin');
}

/** Git-ignored folder for database files. */
export function dataDir(root = repoRoot()): string {
  return join(root, '.data');
}

/**
 * A cache outside the work tree that survives fresh clones (CI clones anew each run),
 * so FerretDB is built once per machine, not once per clone.
 */
export function machineCacheDir(): string {
  const base = process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache');
  return resolve(base, 'clauseflow');
}
