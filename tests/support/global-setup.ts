import type { TestProject } from 'vitest/node';
import pg from 'pg';

/**
 * With TEST_DATABASE_URL (a PostgreSQL server), the integration suite runs in a database created for
 * this run (UTF-8 ctype, so pg_trgm sees Japanese) and dropped afterwards. Without it, every test file
 * opens its own embedded PGlite database; nothing to prepare here.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    project.provide('databaseUrl', '');
    return;
  }
  const name = `tsumugi_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Migrate once here, so that parallel test files do not race to apply the same migrations.
  const { openDatabase } = await import('../../src/server/db/client');
  const database = await openDatabase({ kind: 'server', url: url.toString() });
  await database.close();
  project.provide('databaseUrl', url.toString());

  return async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
