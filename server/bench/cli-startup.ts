/**
 * `pnpm bench` (server): how long the command line takes to answer, start-up included —
 * `clauseflow validate` on the shipped incident template, through the built executable
 * (server/bin/clauseflow.mjs, built by `pnpm build`) and through `pnpm clauseflow` (tsx from the
 * sources). Prints the median and the fastest of BENCH_CLI_RUNS (default 9) runs; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env['BENCH_CLI_RUNS'] ?? 9);
const TEMPLATE = 'catalog/templates/incident/definition.json';

if (!existsSync(new URL('../dist/clauseflow.mjs', import.meta.url))) {
  spawnSync('node', ['server/scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
}

function time(command: string, args: string[]): { median: number; fastest: number } {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, fastest: samples[0]! };
}

const variants: [string, string, string[]][] = [
  ['clauseflow (built executable)', 'node', ['server/bin/clauseflow.mjs', 'validate', TEMPLATE]],
  ['pnpm clauseflow (tsx, sources)', 'pnpm', ['--silent', 'clauseflow', 'validate', TEMPLATE]],
];
console.log(`clauseflow validate ${TEMPLATE}, ${RUNS} runs each (start-up included)`);
for (const [name, command, args] of variants) {
  const { median, fastest } = time(command, args);
  console.log(
    `  ${name.padEnd(32)} median ${median.toFixed(0).padStart(5)} ms   fastest ${fastest.toFixed(0).padStart(5)} ms`,
  );
}
