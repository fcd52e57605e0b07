import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;

/** Runs the command line as a user would, from the repository root. */
async function clauseflow(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, ['server/src/cli/clauseflow.ts', ...args], {
      cwd: root,
      env: { ...process.env, INIT_CWD: root },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each run starts tsx and loads the definition package (a few seconds): run them side by side.
describe.concurrent('clauseflow validate', { timeout: 30_000 }, () => {
  test('given the incident example, when validated with --json, then it prints valid with no issues and exits 0', async () => {
    const { code, stdout } = await clauseflow('validate', 'packages/definition/examples/incident.json', '--json');
    expect(JSON.parse(stdout)).toEqual({ valid: true, issues: [] });
    expect(code).toBe(0);
  });

  test('given a definition with errors, when validated with --json, then it prints each issue with its path and exits 1', async () => {
    const { code, stdout } = await clauseflow(
      'validate',
      'packages/definition/fixtures/invalid-incident.json',
      '--json',
    );
    const output = JSON.parse(stdout) as { valid: boolean; issues: { code: string; path: string; severity: string }[] };
    expect(output.valid).toBe(false);
    expect(output.issues.map(({ code, path, severity }) => ({ code, path, severity }))).toEqual([
      { code: 'UNKNOWN_ROLE', path: '/states/3/actors/1', severity: 'error' },
      { code: 'UNKNOWN_STATE', path: '/transitions/0/to', severity: 'error' },
    ]);
    expect(code).toBe(1);
  });

  test('given a definition with errors, when validated without --json in Chinese, then it prints a readable list and exits 1', async () => {
    const { code, stdout } = await clauseflow(
      'validate',
      'packages/definition/fixtures/invalid-incident.json',
      '--lang',
      'zh',
    );
    expect(stdout).toContain('UNKNOWN_STATE');
    expect(stdout).toContain('/transitions/0/to');
    expect(stdout).toContain('未知状态“triage”。');
    expect(stdout).toContain('2 个错误，0 个警告');
    expect(code).toBe(1);
  });

  test('given a file that is not JSON, when validated, then it says so on stderr and exits 2', async () => {
    const { code, stdout, stderr } = await clauseflow(
      'validate',
      'packages/definition/fixtures/not-json.txt',
      '--json',
    );
    expect(stderr).toContain('packages/definition/fixtures/not-json.txt is not JSON');
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  test('given a missing file, when validated, then it says so on stderr and exits 2', async () => {
    const { code, stderr } = await clauseflow('validate', 'packages/definition/fixtures/missing.json');
    expect(stderr).toContain('cannot read packages/definition/fixtures/missing.json: no such file (ENOENT)');
    expect(code).toBe(2);
  });

  test('given no file, when validate runs, then it prints its usage and exits 2', async () => {
    const { code, stderr } = await clauseflow('validate');
    expect(stderr).toContain('usage: pnpm clauseflow validate <file>');
    expect(code).toBe(2);
  });
});
