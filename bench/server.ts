import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { BENCH_PASSWORD } from './dataset';

/** Starting and stopping the built server, and signing in over HTTP: shared by the benchmarks. */

export const root = path.resolve(import.meta.dirname, '..');
export const BENCH_AUTH_SECRET = 'bench-secret-0123456789-0123456789-abcdef';

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return performance.now() - start;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('server did not become ready');
}

export function startServer(environment: Record<string, string>, command: string[] = [path.join(root, 'dist/server/main.js')]): ChildProcess {
  return spawn(process.execPath, command, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      AUTH_SECRET: BENCH_AUTH_SECRET,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'never',
      // The bench measures throughput from one address: the limiters would measure themselves.
      RATE_LIMIT_API_PER_MINUTE: '100000000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000',
      RATE_LIMIT_PUBLIC_INTAKE_PER_MINUTE: '100000000',
      ...environment,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Signs a client in over HTTP and returns the headers its later requests carry. */
export async function signIn(baseUrl: string, email: string, password = BENCH_PASSWORD): Promise<Record<string, string>> {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      cookies.set(name, value);
    }
  };
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const session = await fetch(`${baseUrl}/api/v1/auth/session`);
  remember(session);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const signedIn = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: header(), 'x-csrf-token': csrfToken, origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.status} ${await signedIn.text()}`);
  remember(signedIn);
  // The CSRF token is the cookie's value (double submit): later POSTs echo it.
  return { cookie: header(), 'x-csrf-token': cookies.get('tsumugi.csrf') ?? csrfToken, origin: baseUrl };
}


/** Creates a benchmark database on the server (UTF-8 with a C.UTF-8 ctype, or trigram search finds nothing) when missing. */
export async function ensureServerDatabase(adminUrl: string, url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = new URL(url).pathname.slice(1);
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
}

/** VACUUM (ANALYZE) as the owner: the application role may not vacuum tables it does not own (autovacuum would, in time). */
export async function vacuumServerDatabase(url: string): Promise<void> {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  await owner.query('VACUUM (ANALYZE)');
  await owner.end();
}
