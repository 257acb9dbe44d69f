import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app';
import { parseConfig, type Config } from '../../src/server/config';
import { openDatabase, type Database } from '../../src/server/db/client';
import { createAuthSystem } from '../../src/server/platform/auth/auth-system';
import type { App } from '../../src/server/platform/http';
import { createPasswordResetMail } from '../../src/server/platform/mail/password-reset';

export const TEST_ORIGIN = 'http://tsumugi.test';
export const TEST_SECRET = 'test-secret-that-is-long-enough-0123456789';

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/**
 * The real application on a real database built from the migrations: an in-memory PGlite, or the
 * PostgreSQL server database prepared by global-setup.ts when `databaseUrl` is given.
 */
export async function startTestApp(options: { databaseUrl?: string; embedded?: boolean } = {}): Promise<TestApp> {
  const config = parseConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: TEST_ORIGIN,
    LOG_LEVEL: 'silent',
    AUTH_SECRET: TEST_SECRET,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tsumugi-test-')),
    SEED_DEMO: 'never',
  });
  const database = await openDatabase(
    options.databaseUrl && !options.embedded ? { kind: 'server', url: options.databaseUrl } : { kind: 'embedded', directory: null },
    { maxConnections: 5 },
  );
  const mail = createPasswordResetMail(config, database.db);
  const auth = createAuthSystem(config, database.db, { secret: TEST_SECRET, onPasswordReset: mail.enqueue });
  const app = await buildApp({ config, database, auth: { auth, secret: TEST_SECRET } });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
