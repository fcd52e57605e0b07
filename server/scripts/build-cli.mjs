// Bundles the command line into one JavaScript file (server/dist/clauseflow.mjs) so that the
// `clauseflow` executable starts without a TypeScript loader. Modules that find their data files
// next to themselves (`new URL(..., import.meta.url)`) keep their source location: the plugin
// writes each module's own file URL in place of `import.meta.url`.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const server = fileURLToPath(new URL('../', import.meta.url));

/** @type {import('esbuild').Plugin} */
const keepSourceLocation = {
  name: 'keep-source-location',
  setup(builder) {
    builder.onLoad(
      { filter: /[\\/](packages|catalog|runtime|application|server)[\\/]src[\\/].*\.ts$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        const url = JSON.stringify(pathToFileURL(args.path).href);
        return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
      },
    );
  },
};

const started = Date.now();
const result = await build({
  entryPoints: [`${server}src/cli/bin.ts`],
  outfile: `${server}dist/clauseflow.mjs`,
  bundle: true,
  platform: 'node',
  // ES module builds first: some packages' CommonJS builds (jsonc-parser's UMD) load their parts dynamically.
  mainFields: ['module', 'main'],
  target: 'node20',
  format: 'esm',
  minify: true,
  sourcemap: false,
  metafile: true,
  logLevel: 'warning',
  // The database driver's optional native add-ons are not installed; it works without them.
  external: [
    'kerberos',
    'snappy',
    '@mongodb-js/zstd',
    '@aws-sdk/credential-providers',
    'gcp-metadata',
    'socks',
    'aws4',
    'mongodb-client-encryption',
  ],
  // A bundle of CommonJS dependencies needs `require` in an ES module.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __cf_createRequire } from 'node:module';\nconst require = __cf_createRequire(import.meta.url);",
  },
  plugins: [keepSourceLocation],
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`[build] server/dist/clauseflow.mjs: ${(bytes / 1024).toFixed(0)} KiB in ${Date.now() - started} ms`);
