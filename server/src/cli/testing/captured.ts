import type { CliIo } from '../cli-io.ts';

/** What a command printed and its exit code. */
export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command (or the whole command line) with its output captured instead of printed. */
export async function captured(run: (io: CliIo) => Promise<number>): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}
