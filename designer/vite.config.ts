import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { ROUTE_PATHS } from './src/app/route-paths.ts';

/**
 * The server serves designer/dist as static files, so a page path the app routes in the browser
 * (a reload of /console/users, the first-run link /setup#token=…) needs a file there: a copy of
 * index.html per route path. Remove this once the server answers page paths with index.html.
 */
function indexPerRoute(): Plugin {
  let outDir = 'dist';
  return {
    name: 'clauseflow-index-per-route',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const index = readFileSync(join(outDir, 'index.html'), 'utf8');
      for (const path of ROUTE_PATHS) {
        mkdirSync(join(outDir, path), { recursive: true });
        writeFileSync(join(outDir, path, 'index.html'), index);
      }
    },
  };
}

/** Builds the web app into designer/dist, which the server serves at `/`. */
export default defineConfig({
  plugins: [react(), indexPerRoute()],
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/health': 'http://127.0.0.1:8080',
      '/openapi.json': 'http://127.0.0.1:8080',
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
