import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A set of JavaScript files and their total gzipped size. */
export interface JsSet {
  files: string[];
  gzipBytes: number;
}

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The chunks a chunk imports statically (`from"./x.js"`, `import"./x.js"`), transitively. */
function closure(assets: string, start: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(assets, file), 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(match[1]!);
  }
  return seen;
}

function total(assets: string, files: Iterable<string>): JsSet {
  const list = [...files].sort();
  return { files: list, gzipBytes: list.reduce((sum, file) => sum + gzipped(join(assets, file)), 0) };
}

/**
 * The initial JavaScript (what index.html loads, with everything it imports statically) and, per
 * lazily loaded area, what opening it adds on top, gzipped at level 9.
 */
export function bundleSizes(dist: string): { initial: JsSet; areas: Record<string, JsSet> } {
  const assets = join(dist, 'assets');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!);
  const initial = closure(assets, entry);
  const areas: Record<string, JsSet> = {};
  for (const file of readdirSync(assets)) {
    const area = /^(.+)-area-[\w-]+\.js$/.exec(file)?.[1];
    if (area)
      areas[area] = total(
        assets,
        [...closure(assets, [file])].filter((chunk) => !initial.has(chunk)),
      );
  }
  return { initial: total(assets, initial), areas };
}
