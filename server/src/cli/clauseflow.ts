/**
 * The `clauseflow` command line (`pnpm clauseflow <command>`). Each command is one file under
 * `commands/` exporting a {@link CliCommand}; adding one (simulate, conformance, pack) is that
 * file plus one line in {@link COMMANDS}.
 */
import { pathToFileURL } from 'node:url';
import { conformanceCommand } from './commands/conformance.ts';
import { packCommand } from './commands/pack.ts';
import { simulateCommand } from './commands/simulate.ts';
import { validateCommand } from './commands/validate.ts';
import { EXIT, type CliCommand, type CliIo } from './cli-io.ts';

export { EXIT, type CliCommand, type CliIo } from './cli-io.ts';

/** The registry of commands, in the order `help` lists them. */
export const COMMANDS: readonly CliCommand[] = [validateCommand, conformanceCommand, simulateCommand, packCommand];

function help(io: CliIo): void {
  const lines = COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary.en}\n      ${c.summary.zh}`);
  io.stdout(`usage: pnpm clauseflow <command> [options]\n\ncommands:\n${lines.join('\n')}\n`);
}

/** Runs the command line with `argv` (without the node and script paths); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr(
      `clauseflow: unknown command "${name}"; see pnpm clauseflow help\nclauseflow：未知命令“${name}”；请参阅 pnpm clauseflow help\n`,
    );
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`usage: pnpm clauseflow ${command.usage}\n\n  ${command.summary.en}\n  ${command.summary.zh}\n`);
    return EXIT.ok;
  }
  return command.run(args, io);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const io: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
