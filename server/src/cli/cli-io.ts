import type { LocalizedText } from '@clauseflow/common';
/**
 * What every command of the command line shares: where it writes, its shape, and the exit codes.
 * Commands import this, never `clauseflow.ts` (which imports the commands), so there is no cycle.
 */

/** Where a command writes; tests and other callers may capture it. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One command of the command line. */
export interface CliCommand {
  name: string;
  /** One line for `clauseflow help`, in English and Chinese. */
  summary: LocalizedText;
  usage: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/**
 * Exit codes shared by every command: 0 done, 1 the input is invalid (or fails what was
 * checked), 2 wrong usage or an input that cannot be read at all.
 */
export const EXIT = { ok: 0, invalid: 1, usage: 2, unreadable: 2 } as const;
