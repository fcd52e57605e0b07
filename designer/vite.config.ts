import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the web app into designer/dist, which the server serves at `/`; the server answers a
 * browser's request for any of the app's own paths (`/setup`, `/console/users`…) with index.html.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/health': 'http://127.0.0.1:8080',
      '/openapi.json': 'http://127.0.0.1:8080',
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
