#!/usr/bin/env node
/**
 * `npm start`: builds what is missing or out of date (the web app with Vite, the server with esbuild),
 * then starts the server. On a fresh clone the first start builds everything; later starts reuse the
 * builds and the data directory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

function isStale(output, inputs) {
  return !existsSync(output) || inputs.some((input) => newestChange(at(input)) > statSync(output).mtimeMs);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
if (isStale(at('dist/web/index.html'), ['src/web', 'src/shared', 'index.html', 'vite.config.ts', 'public'])) {
  console.log('Building the web app…');
  run(npx, ['vite', 'build', '--logLevel', 'warn']);
  run(process.execPath, [at('scripts/compress-web.mjs')]);
}
if (isStale(at('dist/server/main.js'), ['src/server', 'src/shared', 'package.json'])) {
  console.log('Building the server…');
  run(process.execPath, [at('scripts/build-server.mjs')]);
}
await import(pathToFileURL(at('dist/server/main.js')).href);
