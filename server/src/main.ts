/**
 * Runs the product: the database (MONGODB_URI, or an embedded FerretDB it starts), the API
 * and the web app on http://HOST:PORT. Ctrl-C (SIGINT) or SIGTERM stops all of it.
 */
import { join } from 'node:path';
import { connectDatabase } from '@clauseflow/application';
import { DEFAULT_EMBEDDED_PORT, openDatabaseServer, repoRoot } from '@clauseflow/embedded-db';
import { buildApp } from './app.ts';

const env = process.env;
const host = env['HOST'] ?? '127.0.0.1';
const port = Number(env['PORT'] ?? 8080);
const root = repoRoot();

const database = await openDatabaseServer({
  port: Number(env['CLAUSEFLOW_DB_PORT'] ?? DEFAULT_EMBEDDED_PORT),
  ...(env['CLAUSEFLOW_DATA_DIR'] ? { dataDir: env['CLAUSEFLOW_DATA_DIR'] } : {}),
  log: (line) => console.log(`[db] ${line}`),
});
const connection = await connectDatabase(database.uri, env['CLAUSEFLOW_DB_NAME'] ?? 'clauseflow');
const app = await buildApp({
  db: connection.db,
  webRoot: env['CLAUSEFLOW_WEB_ROOT'] ?? join(root, 'designer', 'dist'),
  // Warnings and errors by default (not a line per request); LOG_LEVEL=info shows every request.
  logger: { level: env['LOG_LEVEL'] ?? 'warn' },
  onFirstRun: (outcome) => {
    if (outcome.kind === 'setup-link') {
      console.log(
        `[server] No user exists yet. Create the first admin with this one-time token (valid 24 h):\n` +
          `  ${outcome.url}\n` +
          `  or: curl -X POST <server>/api/setup -H 'content-type: application/json' ` +
          `-d '{"token":"${outcome.token}","username":"admin","displayName":"Admin","password":"<at least 10 characters>"}'`,
      );
    } else if (outcome.kind === 'admin-from-env') {
      console.log(`[server] first admin: ${outcome.username}`);
    }
  },
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[server] ${signal}: stopping`);
  await app.close();
  await connection.close();
  await database.stop();
  console.log('[server] stopped');
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

const address = await app.listen({ host, port });
console.log(`[server] ClauseFlow is running at ${address}`);
