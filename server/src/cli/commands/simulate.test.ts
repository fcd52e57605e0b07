import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@clauseflow/embedded-db';
import { runCli, type CliIo } from '../clauseflow.ts';

const example = join(repoRoot(), 'packages', 'definition', 'examples', 'incident.json');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

async function scriptFile(script: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cf-simulate-'));
  const file = join(dir, 'events.json');
  await writeFile(file, JSON.stringify(script));
  return file;
}

describe('clauseflow simulate', () => {
  it('given the incident example and a script with time advances, when simulated with --json, then it prints the frames and exits 0', async () => {
    const events = await scriptFile({
      startAt: '2026-11-27T17:00:00Z',
      requester: { id: 'rob', roles: ['requester'] },
      data: { title: 'Mail down', impact: 'high', urgency: 'high' },
      events: [{ until: '2026-12-01T00:00:00Z' }],
    });
    const { code, stdout } = await run(['simulate', example, '--events', events, '--json']);
    expect(code).toBe(0);
    const { frames } = JSON.parse(stdout) as { frames: { cause: string; at: string; state: string }[] };
    expect(frames[0]).toMatchObject({ cause: 'start', state: 'major-incident' });
    expect(frames.find((f) => f.cause === 'clock-breach')?.at).toBe('2026-11-30T12:00:00.000Z');
  });

  it('given a refused step, when simulated as text in Chinese, then the refusal is shown and it exits 1', async () => {
    const events = await scriptFile({
      startAt: '2026-11-30T09:00:00Z',
      data: { title: 'Printer', impact: 'low', urgency: 'low' },
      events: [{ event: 'accept', actor: { id: 'rob', roles: ['requester'] } }],
    });
    const { code, stdout } = await run(['simulate', example, '--events', events, '--lang', 'zh']);
    expect(code).toBe(1);
    expect(stdout).toContain('ACTOR_NOT_ALLOWED');
    expect(stdout).toContain('decisions: priority-matrix: r-low-low');
  });

  it('given a missing file, a bad script or no --events, when run, then it exits 2 with a message', async () => {
    expect((await run(['simulate', example])).code).toBe(2);
    expect((await run(['simulate', example, '--events', '/no/such/file.json'])).stderr).toContain('no such file');
    const bad = await scriptFile({ events: 'nope' });
    expect((await run(['simulate', example, '--events', bad])).code).toBe(2);
  });
});
