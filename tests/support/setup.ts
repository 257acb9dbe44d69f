import { afterAll, beforeAll, inject } from 'vitest';
import { startTestApp, type TestApp } from './test-app';

/**
 * One application and database per test file (PGlite in memory, or the server database of this run).
 * Tests isolate themselves by creating their own tenants and people with the factories.
 */
export function useTestApp(): () => TestApp {
  let testApp: TestApp | undefined;
  beforeAll(async () => {
    const databaseUrl = inject('databaseUrl');
    testApp = await startTestApp({ databaseUrl: databaseUrl || undefined });
  });
  afterAll(async () => {
    await testApp?.close();
  });
  return () => {
    if (!testApp) throw new Error('the test app has not started');
    return testApp;
  };
}
