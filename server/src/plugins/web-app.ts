import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/**
 * Serves the built designer app (designer/dist) at `/`. Without a build, `/` explains how
 * to make one instead of answering a bare 404.
 */
export const webAppPlugin: FastifyPluginAsync<{ webRoot: string }> = async (app, { webRoot }) => {
  if (existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'] });
    return;
  }
  app.log.warn({ webRoot }, 'web app not built; run `pnpm build`');
  app.get('/', async (_request, reply) =>
    reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .send(
        'The ClauseFlow web app is not built. Run `pnpm build`.\nClauseFlow 网页应用尚未构建，请运行 `pnpm build`。\n',
      ),
  );
};

/**
 * The built app's `index.html`, read at each call (a rebuild takes effect without a restart), for
 * paths the web app routes itself (`/setup`, `/console/users`…); undefined when not built.
 */
export function appShell(webRoot: string): () => string | undefined {
  const index = join(webRoot, 'index.html');
  return () => (existsSync(index) ? readFileSync(index, 'utf8') : undefined);
}
