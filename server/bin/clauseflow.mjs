#!/usr/bin/env node
// The `clauseflow` executable: runs the bundle `pnpm build` makes (server/dist/clauseflow.mjs),
// plain JavaScript that starts without a TypeScript loader. `pnpm clauseflow` runs the sources.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/clauseflow.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('clauseflow: not built yet; run `pnpm build` (or use `pnpm clauseflow`)\n');
  process.exit(2);
}
await import(bundle.href);
