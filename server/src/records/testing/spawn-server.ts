import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '@clauseflow/embedded-db';

/** A server process started by {@link spawnServer}. */
export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Sends SIGTERM and waits for the process to exit. */
  stop(): Promise<void>;
}

/** Starts `serve.ts` in a separate Node process (through tsx) on `dbName`, resolving once it listens. */
export async function spawnServer(
  uri: string,
  dbName: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const script = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const tsx = `${repoRoot()}/node_modules/.bin/tsx`;
  const child = spawn(tsx, [script], {
    env: { ...process.env, ...env, MONGODB_URI: uri, CLAUSEFLOW_DB_NAME: dbName },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('{"url"')) resolve(JSON.parse(line) as { url: string; pid: number });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return {
    ...started,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
