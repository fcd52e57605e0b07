import { defineConfig } from 'vitest/config';

/**
 * The root test configuration: one `vitest run` covers every package. One database server
 * is started for the whole run by the global setup; test files get their own database on it.
 */
export default defineConfig({
  test: {
    include: ['{packages,application,runtime,server,catalog,designer,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['./scripts/test/global-setup.ts'],
    // Starting FerretDB (and building it on a fresh machine) happens before any test.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    pool: 'forks',
    // verbose names every test; the JSON report feeds the totals line that .ci/run prints.
    reporters: ['verbose', 'json'],
    outputFile: { json: '.reports/vitest.json' },
  },
});
