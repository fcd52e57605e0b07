import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the web app into designer/dist, which the server serves at `/`. */
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/health': 'http://127.0.0.1:8080' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
