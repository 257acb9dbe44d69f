import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from '../support/openapi';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

describe('platform', () => {
  it('answers the health check with the database reachable', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document, and the committed copy is up to date', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const served = response.json();
    expect(Object.keys(served.paths)).toContain('/api/v1/companies');
    const committed = JSON.parse(await readFile('docs/openapi.json', 'utf8'));
    expect(committed, 'docs/openapi.json is stale: run `npm run openapi`').toEqual(await generateOpenApiDocument());
  });

  it('answers unknown API paths with a coded 404, never an HTML page', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('turns malformed JSON into a 400 with our error shape', async () => {
    const session = await testApp().app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    const token = session.json().csrfToken;
    const cookie = session.cookies.map((c: { name: string; value: string }) => `${c.name}=${c.value}`).join('; ');
    const response = await testApp().app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': token, origin: 'http://tsumugi.test' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('BAD_REQUEST');
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE and the limit', async () => {
    const session = await testApp().app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    const cookie = session.cookies.map((c: { name: string; value: string }) => `${c.name}=${c.value}`).join('; ');
    const response = await testApp().app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.json().csrfToken, origin: 'http://tsumugi.test' },
      payload: JSON.stringify({ email: 'a@test.example', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('keeps the Japanese trigram index usable (UTF-8 ctype)', async () => {
    const result = (await testApp().database.db.execute(sql`SELECT cardinality(show_trgm('日本語テキスト'))::int AS n`)) as unknown as { rows: { n: number }[] };
    expect(result.rows[0]!.n).toBeGreaterThan(0);
  });

  it('sets security headers (CSP without inline scripts, no framing)', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
