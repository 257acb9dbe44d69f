import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Starts the real server (as `npm start` would, on the built web app in dist/web) with a fresh data
 * directory and the demo data. It builds nothing: CI runs `npm run build:web` first.
 * With E2E_DATABASE_URL (a PostgreSQL server), each server gets a fresh database there instead of the
 * embedded one, dropped when it stops: the same journeys then run on the server.
 */
export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startServer(): Promise<RunningServer> {
  const root = path.resolve(import.meta.dirname, '../../..');
  if (!existsSync(path.join(root, 'dist/web/index.html'))) throw new Error('dist/web is missing: run `npm run build:web` before the browser tests');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tsumugi-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const serverDatabase = process.env.E2E_DATABASE_URL ? await createServerDatabase(process.env.E2E_DATABASE_URL) : null;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      SEED_DEMO: 'always',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      ...(serverDatabase ? { DATABASE_URL: serverDatabase.url } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
      await serverDatabase?.drop();
    },
  };
}

/** A database of its own on the server (UTF-8 ctype, so trigram search sees Japanese). */
async function createServerDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tsumugi_e2e_${Date.now()}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
