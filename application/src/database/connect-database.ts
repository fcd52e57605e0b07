import { MongoClient, type Db } from 'mongodb';

/** A connected database and how to let go of it. */
export interface DatabaseConnection {
  db: Db;
  close(): Promise<void>;
}

/**
 * How long an operation waits for a reachable server before it fails: when the database is
 * down, requests answer 503 within 2 s rather than hanging (the driver's default is 30 s).
 */
export const SERVER_SELECTION_TIMEOUT_MS = 1_500;

/**
 * Connects to the MongoDB-compatible server at `uri` and picks the database `name`. Hosts (the
 * server's main, the CLI, the test server) connect here, so only the application layer speaks
 * the driver's language.
 */
export async function connectDatabase(
  uri: string,
  name: string,
  options: { serverSelectionTimeoutMS?: number } = {},
): Promise<DatabaseConnection> {
  const client = await new MongoClient(uri, {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? SERVER_SELECTION_TIMEOUT_MS,
  }).connect();
  return { db: client.db(name), close: () => client.close() };
}
