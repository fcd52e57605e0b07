import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from 'mongodb';
import { healthPlugin } from './plugins/health.ts';
import { webAppPlugin } from './plugins/web-app.ts';

export interface AppOptions {
  db: Db;
  /** Folder of the built web app. */
  webRoot: string;
  logger?: FastifyServerOptions['logger'];
}

/** The composition root: one encapsulated plugin per concern. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1 << 20 });
  await app.register(healthPlugin, { db: options.db });
  await app.register(webAppPlugin, { webRoot: options.webRoot });
  return app;
}
