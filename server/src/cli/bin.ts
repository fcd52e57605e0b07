/**
 * The `clauseflow` executable's entry: `pnpm build` bundles it into `server/dist/clauseflow.mjs`
 * (plain JavaScript, no TypeScript loader at start-up). `pnpm clauseflow` runs the same code from
 * source through tsx.
 */
import { runCli, type CliIo } from './clauseflow.ts';

const io: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };
process.exitCode = await runCli(process.argv.slice(2), io);
