import { startTestApp } from './test-app';

/** The OpenAPI document exactly as the server serves it at /api/openapi.json. */
export async function generateOpenApiDocument(): Promise<unknown> {
  const testApp = await startTestApp({ embedded: true });
  try {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' });
    if (response.statusCode !== 200) throw new Error(`openapi.json answered ${response.statusCode}: ${response.body}`);
    return response.json();
  } finally {
    await testApp.close();
  }
}
