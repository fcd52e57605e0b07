/**
 * The `clauseflow` command line (`pnpm clauseflow <command>`). Commands arrive with the
 * issues that need them (validate, simulate, conformance, pack).
 */
const commands: Record<string, string> = {};

const [command] = process.argv.slice(2);
if (!command || command === 'help' || command === '--help') {
  console.log('usage: pnpm clauseflow <command>\ncommands: ' + (Object.keys(commands).join(', ') || '(none yet)'));
  process.exit(0);
}
console.error(`clauseflow: unknown command "${command}"; see pnpm clauseflow help`);
process.exit(2);
