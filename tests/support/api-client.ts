import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/server/platform/http';
import { TEST_ORIGIN } from './test-app';

const documentationNetworks = ['192.0.2', '198.51.100', '203.0.113'];
let clientCount = 0;

/** Distinct addresses from the documentation ranges (RFC 5737), never used on a real network. */
function nextDocumentationAddress(): string {
  const index = clientCount++;
  return `${documentationNetworks[Math.floor(index / 254) % documentationNetworks.length]}.${(index % 254) + 1}`;
}

/**
 * A browser-like client over app.inject: it keeps cookies, sends the CSRF token and our Origin,
 * and can name a tenant (X-Tenant-Id), as the web app does.
 */
export class ApiClient {
  private cookies = new Map<string, string>();
  csrfToken = '';
  tenantId: string | null = null;
  /** Each client looks like its own machine, so per-address rate limits apply per client (inject sends nothing). */
  readonly remoteAddress = nextDocumentationAddress();

  constructor(private readonly app: App) {}

  static async signedIn(app: App, email: string, password: string, tenantId?: string): Promise<ApiClient> {
    const client = new ApiClient(app);
    await client.refreshSession();
    const response = await client.post('/api/v1/auth/sign-in', { email, password });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    client.tenantId = tenantId ?? null;
    return client;
  }

  async refreshSession() {
    const response = await this.get('/api/v1/auth/session');
    this.csrfToken = response.json().csrfToken;
    return response.json();
  }

  hasCookie(suffix: string): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith(suffix));
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request('POST', url, body, headers);
  }
  patch(url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request('PATCH', url, body, headers);
  }
  put(url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request('PUT', url, body, headers);
  }

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const requestHeaders: Record<string, string> = { origin: TEST_ORIGIN, host: 'tsumugi.test', ...headers };
    if (this.cookies.size > 0) requestHeaders.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (method !== 'GET' && this.csrfToken && !('x-csrf-token' in headers)) requestHeaders['x-csrf-token'] = this.csrfToken;
    if (this.tenantId && !('x-tenant-id' in headers)) requestHeaders['x-tenant-id'] = this.tenantId;
    const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
    if (body !== undefined && !isRaw && !('content-type' in requestHeaders)) requestHeaders['content-type'] = 'application/json';
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: requestHeaders,
      payload: body === undefined ? undefined : isRaw ? (body as string | Buffer) : JSON.stringify(body),
    });
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }
}
