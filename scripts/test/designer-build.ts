import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@clauseflow/embedded-db';

/** The built web app's folder, building it first when a test runs without `pnpm build`. */
export function ensureDesignerBuilt(): string {
  const dist = join(repoRoot(), 'designer', 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    execFileSync('pnpm', ['--filter', '@clauseflow/designer', 'build'], { cwd: repoRoot(), stdio: 'inherit' });
  }
  return dist;
}
