import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@clauseflow/embedded-db';

const root = repoRoot();

/** Every workspace package folder, read from pnpm-workspace.yaml's globs (one level deep). */
function workspacePackages(): string[] {
  const globs = [...readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').matchAll(/^\s*-\s*(\S+)\s*$/gm)].map(
    (m) => m[1] ?? '',
  );
  return globs.flatMap((glob) =>
    glob.endsWith('/*')
      ? readdirSync(join(root, glob.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => `${glob.slice(0, -2)}/${d.name}`)
      : [glob],
  );
}

// A type error, and a floating promise that only type-aware linting can see.
const PROBE = `export const probe: number = 'not a number';
export function probeLint(): void {
  Promise.resolve(1);
}
`;

function removeProbes(): void {
  for (const pkg of workspacePackages()) rmSync(join(root, pkg, 'src', '__probe__.ts'), { force: true });
}

function pnpm(script: string): { status: number | null; output: string } {
  const result = spawnSync('pnpm', ['--silent', script], { cwd: root, encoding: 'utf8', timeout: 240_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the quality gates fail on a broken package', () => {
  const packages = workspacePackages();
  beforeAll(() => {
    removeProbes();
    for (const pkg of packages) writeFileSync(join(root, pkg, 'src', '__probe__.ts'), PROBE);
  });
  afterAll(removeProbes);

  it('knows every package of the workspace', () => {
    expect(packages).toEqual(
      expect.arrayContaining([
        'packages/definition',
        'packages/conformance',
        'runtime',
        'server',
        'catalog',
        'designer',
      ]),
    );
  });

  it('given a type error in each package, when pnpm typecheck runs, then it fails and names every package', () => {
    const { status, output } = pnpm('typecheck');
    expect(status).not.toBe(0);
    for (const pkg of packages) {
      expect(output, pkg).toMatch(new RegExp(`(${pkg}/)?src/__probe__\\.ts\\(1,14\\): error TS2322`));
    }
  }, 240_000);

  it('given a floating promise in each package, when pnpm lint runs, then type-aware ESLint fails on every package', () => {
    const { status, output } = pnpm('lint');
    expect(status).not.toBe(0);
    for (const pkg of packages) {
      expect(output, pkg).toContain(join(root, pkg, 'src', '__probe__.ts'));
    }
    expect(output.match(/no-floating-promises/g)?.length).toBe(packages.length);
  }, 240_000);
});
