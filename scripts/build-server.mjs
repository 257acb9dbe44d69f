/**
 * Bundles the server (src/server/main.ts) into dist/server/main.js with esbuild: our TypeScript in one
 * file, npm packages left as imports. Starting a bundle is faster than transpiling on every start.
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server/main.ts'],
  outfile: 'dist/server/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
