import { MongoClient, type Db } from 'mongodb';

/** A connected database and how to let go of it. */
export interface DatabaseConnection {
  db: Db;
  close(): Promise<void>;
}

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
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
  }).connect();
  return { db: client.db(name), close: () => client.close() };
}
