import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { inject } from 'vitest';
import { openDatabaseServer, type DatabaseServer } from './database-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URI of the one database server started for this test run (scripts/test/global-setup.ts). */
    mongodbUri: string;
  }
}

/** A database of its own for one test file, on the run's shared server. */
export interface TestDatabase {
  client: MongoClient;
  db: Db;
  uri: string;
  /** Drops the database and closes the client. */
  close(): Promise<void>;
}

/** Connects to the run's database server and picks a fresh database name so test files never collide. */
export async function openTestDatabase(label: string): Promise<TestDatabase> {
  const uri = inject('mongodbUri');
  const client = await new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 }).connect();
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const db = client.db(name);
  return {
    client,
    db,
    uri,
    close: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}

/** True while a process with this pid exists (a zombie counts until it is reaped). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A database server of the test's own (embedded FerretDB on a free port, in a temporary folder),
 * for tests that must stop the database under the application. `remove()` stops it if still
 * running and deletes its folder.
 */
export async function openOwnDatabaseServer(
  label: string,
): Promise<{ server: DatabaseServer; remove(): Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), `cf-${label}-`));
  const server = await openDatabaseServer({ port: 0, dataDir: folder, env: {} });
  return {
    server,
    remove: async () => {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
