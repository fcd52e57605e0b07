/**
 * `pnpm db install` builds FerretDB if needed; `pnpm db start` runs the embedded database in
 * the foreground until Ctrl-C. Exit 1 with an explanation when FerretDB cannot be installed.
 */
import { DEFAULT_EMBEDDED_PORT, openDatabaseServer } from './database-server.ts';
import { ensureFerretDbBinary, FerretDbInstallError } from './ferretdb-binary.ts';

const log = (line: string) => console.error(`[db] ${line}`);
const command = process.argv[2] ?? 'help';

try {
  if (command === 'install') {
    console.log(await ensureFerretDbBinary({ log }));
  } else if (command === 'start') {
    const port = Number(process.env['CLAUSEFLOW_DB_PORT'] ?? DEFAULT_EMBEDDED_PORT);
    const server = await openDatabaseServer({ port, log });
    console.log(server.uri);
    const shutdown = () => void server.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } else {
    console.error('usage: pnpm db install | pnpm db start');
    process.exit(command === 'help' ? 0 : 2);
  }
} catch (error) {
  log(error instanceof FerretDbInstallError ? error.message : String(error));
  process.exit(1);
}
