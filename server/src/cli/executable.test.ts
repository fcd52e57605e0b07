import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@clauseflow/embedded-db';

const root = repoRoot();
const bin = join(root, 'server', 'bin', 'clauseflow.mjs');

/** Runs the built executable as a user would, from the repository root. */
function clauseflow(...args: string[]) {
  return spawnSync('node', [bin, ...args], { cwd: root, encoding: 'utf8' });
}

describe('the clauseflow executable (the bundle `pnpm build` makes)', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'server', 'dist', 'clauseflow.mjs'))) {
      execFileSync('node', ['server/scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
    }
  }, 120_000);

  it('given --help, then it lists the commands and exits 0', () => {
    const help = clauseflow('--help');
    expect(help.status).toBe(0);
    for (const name of ['validate', 'conformance', 'simulate', 'pack']) expect(help.stdout).toContain(name);
  });

  it('given the shipped templates, then validate and conformance answer from plain JavaScript, its catalogue data found', () => {
    const valid = clauseflow('validate', 'catalog/templates/incident/definition.json');
    expect(valid.stderr).toBe('');
    expect(valid.stdout).toContain('valid');
    expect(valid.status).toBe(0);
    const verdict = clauseflow('conformance', 'catalog/templates/problem-management/definition.json');
    expect(verdict.stdout).toMatch(/\d+ pass, 0 fail/);
    expect(verdict.status).toBe(0);
  });

  it('given wrong usage, then it exits 2 with the usage', () => {
    const wrong = clauseflow('conformance');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('usage:');
  });
});
