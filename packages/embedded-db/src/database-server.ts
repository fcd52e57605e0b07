import { join } from 'node:path';
import { ensureFerretDbBinary } from './ferretdb-binary.ts';
import { startFerretDb } from './ferretdb-server.ts';
import { startPostgresCluster } from './postgres-cluster.ts';
import { dataDir } from './repo-paths.ts';

/** A MongoDB-compatible server to connect to, and how to let go of it. */
export interface DatabaseServer {
  uri: string;
  /** True when this process started FerretDB itself. */
  embedded: boolean;
  /** What stores the documents: FerretDB's SQLite or PostgreSQL backend, or the server at MONGODB_URI. */
  backend: 'sqlite' | 'postgresql' | 'external';
  /** The throw-away PostgreSQL cluster under FerretDB (postgresql backend only), e.g. to EXPLAIN its queries. */
  postgresqlUrl?: string;
  /** Stops the embedded server (and its PostgreSQL cluster); does nothing for MONGODB_URI. */
  stop(): Promise<void>;
}

export interface DatabaseServerOptions {
  /** Port for the embedded server; 0 picks a free one. */
  port: number;
  /** Folder for the embedded server's data (for postgresql: FerretDB's state only). */
  dataDir?: string;
  /**
   * FerretDB's backend when no MONGODB_URI is set. 'postgresql' (opt-in, for benchmarks: its `_id`
   * lookups use an index) runs on a throw-away PostgreSQL cluster this call starts and stop() removes.
   */
  backend?: 'sqlite' | 'postgresql';
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** The default port of the embedded database for `start` (tests pick a free one). */
export const DEFAULT_EMBEDDED_PORT = 27118;

/**
 * MONGODB_URI wins when set (production: a real MongoDB). Otherwise FerretDB is installed
 * if needed and started on SQLite under the git-ignored `.data/` folder, or, when asked, on
 * a throw-away PostgreSQL cluster.
 */
export async function openDatabaseServer(options: DatabaseServerOptions): Promise<DatabaseServer> {
  const env = options.env ?? process.env;
  const external = env['MONGODB_URI'];
  if (external) return { uri: external, embedded: false, backend: 'external', stop: () => Promise.resolve() };
  const log = options.log ?? (() => undefined);
  // The binary first: a failed FerretDB build should not leave a cluster to clean up.
  const binary = await ensureFerretDbBinary({ log });
  const backend = options.backend ?? 'sqlite';
  if (backend !== 'sqlite' && backend !== 'postgresql') throw new Error(`unknown database backend: ${String(backend)}`);
  if (backend === 'sqlite') {
    const server = await startFerretDb({
      binary,
      dataDir: options.dataDir ?? join(dataDir(), 'ferretdb'),
      port: options.port,
      log,
    });
    log(`FerretDB listening at ${server.uri} (pid ${server.pid})`);
    return { uri: server.uri, embedded: true, backend: 'sqlite', stop: () => server.stop() };
  }

  const cluster = await startPostgresCluster({ log });
  try {
    const server = await startFerretDb({
      binary,
      // In the cluster's folder by default, so nothing of this run outlives stop().
      dataDir: options.dataDir ?? join(cluster.dir, 'ferretdb'),
      backend: { kind: 'postgresql', url: cluster.url },
      port: options.port,
      log,
    });
    log(`FerretDB listening at ${server.uri} on ${cluster.url} (pid ${server.pid})`);
    const stop = async () => {
      try {
        await server.stop();
      } finally {
        await cluster.stop();
      }
    };
    return { uri: server.uri, embedded: true, backend: 'postgresql', postgresqlUrl: cluster.url, stop };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
