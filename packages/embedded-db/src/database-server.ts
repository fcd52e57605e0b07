import { join } from 'node:path';
import { ensureFerretDbBinary } from './ferretdb-binary.ts';
import { startFerretDb } from './ferretdb-server.ts';
import { dataDir } from './repo-paths.ts';

/** A MongoDB-compatible server to connect to, and how to let go of it. */
export interface DatabaseServer {
  uri: string;
  /** True when this process started FerretDB itself. */
  embedded: boolean;
  /** Stops the embedded server; does nothing for MONGODB_URI. */
  stop(): Promise<void>;
}

export interface DatabaseServerOptions {
  /** Port for the embedded server; 0 picks a free one. */
  port: number;
  /** Folder for the embedded server's data. */
  dataDir?: string;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** The default port of the embedded database for `start` (tests pick a free one). */
export const DEFAULT_EMBEDDED_PORT = 27118;

/**
 * MONGODB_URI wins when set (production: a real MongoDB). Otherwise FerretDB is installed
 * if needed and started on SQLite under the git-ignored `.data/` folder.
 */
export async function openDatabaseServer(options: DatabaseServerOptions): Promise<DatabaseServer> {
  const env = options.env ?? process.env;
  const external = env['MONGODB_URI'];
  if (external) return { uri: external, embedded: false, stop: () => Promise.resolve() };
  const log = options.log ?? (() => undefined);
  const binary = await ensureFerretDbBinary({ log });
  const server = await startFerretDb({
    binary,
    dataDir: options.dataDir ?? join(dataDir(), 'ferretdb'),
    port: options.port,
    log,
  });
  log(`FerretDB listening at ${server.uri} (pid ${server.pid})`);
  return { uri: server.uri, embedded: true, stop: () => server.stop() };
}
