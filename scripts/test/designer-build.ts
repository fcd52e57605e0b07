import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@clauseflow/embedded-db';

/** The newest modification time of the files that make the web app's build. */
function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The built web app's folder, (re)building it first when it is missing or older than its sources,
 * so the browser tests never run against a stale build.
 */
export function ensureDesignerBuilt(): string {
  const designer = join(repoRoot(), 'designer');
  const dist = join(designer, 'dist');
  const index = join(dist, 'index.html');
  const sources = Math.max(
    newestSource(join(designer, 'src')),
    statSync(join(designer, 'index.html')).mtimeMs,
    statSync(join(designer, 'vite.config.ts')).mtimeMs,
    statSync(join(designer, 'package.json')).mtimeMs,
  );
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    // vitest sets NODE_ENV=test, which vite would carry into the bundle (React's development build).
    execFileSync('pnpm', ['--filter', '@clauseflow/designer', 'build'], {
      cwd: repoRoot(),
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  return dist;
}
