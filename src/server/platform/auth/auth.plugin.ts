import type { FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { AppError } from '../errors';
import type { App } from '../http';
import { localeFromAcceptLanguage, type Locale } from '../i18n';
import type { Principal } from './actor';
import { SESSION_COOKIE_PREFIX, type BetterAuth } from './auth-system';

/** The signed-in person behind a request. */
export interface Identity {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  isPlatformAdmin: boolean;
  twoFactorEnabled: boolean;
  lastTenantId: string | null;
}

export interface AuthSystem {
  auth: BetterAuth;
  /** The secret that signs cookies; also keys the hashes in the throttling table. */
  secret: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity | null;
    locale: Locale;
  }
  interface FastifyInstance {
    identityCache: IdentityCache;
  }
}

/**
 * Resolved sessions for a few seconds, keyed by the signed session cookie: a page fires several API
 * calls at once, and each would otherwise cost better-auth two queries. Changes this process makes to a
 * person (sign-out, password, two-factor, preferences) forget their entries at once; a session revoked
 * elsewhere (another server, a password reset) ends within IDENTITY_CACHE_MS.
 */
export const IDENTITY_CACHE_MS = 5_000;
const IDENTITY_CACHE_ENTRIES = 10_000;

export class IdentityCache {
  private readonly entries = new Map<string, { identity: Identity; expiresAt: number }>();

  get(key: string): Identity | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.identity;
  }

  set(key: string, identity: Identity): void {
    if (this.entries.size >= IDENTITY_CACHE_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { identity, expiresAt: Date.now() + IDENTITY_CACHE_MS });
  }

  forget(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.identity.userId === userId) this.entries.delete(key);
  }
}

export const TENANT_HEADER = 'x-tenant-id';
const CLIENT_IP_HEADER = 'x-tsumugi-client-ip';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Headers for better-auth: the request's, with the client IP we determined (never the client's claim). */
export function authHeaders(request: FastifyRequest): Headers {
  const headers = fromNodeHeaders(request.headers);
  headers.set(CLIENT_IP_HEADER, request.ip);
  return headers;
}

/** Passes better-auth's cookies (new session, rotation, expiry) on to the reply. */
export function forwardCookies(reply: FastifyReply, headers: Headers | null | undefined): void {
  const cookies = headers?.getSetCookie() ?? [];
  if (cookies.length > 0) {
    const existing = reply.getHeader('set-cookie');
    const previous = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
    reply.header('set-cookie', [...previous, ...cookies]);
  }
}

/**
 * Resolves the session of every API request (when it carries a session cookie) into
 * `request.identity`, and the language of messages into `request.locale`.
 */
export async function registerAuth(app: App, system: AuthSystem): Promise<void> {
  const cache = new IdentityCache();
  app.decorate('identityCache', cache);
  app.decorateRequest('identity', null);
  app.addHook('preHandler', async (request, reply) => {
    request.locale = localeFromAcceptLanguage(request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return;
    const sessionCookie = Object.entries(request.cookies).find(([name]) => name.endsWith(`${SESSION_COOKIE_PREFIX}.session_token`))?.[1];
    if (!sessionCookie) return;
    const cached = cache.get(sessionCookie);
    if (cached) {
      request.identity = cached;
      request.locale = cached.locale;
      return;
    }
    const { headers, response } = await system.auth.api.getSession({ headers: authHeaders(request), returnHeaders: true });
    forwardCookies(reply, headers);
    if (!response) return;
    const user = response.user as typeof response.user & { locale?: string; isPlatformAdmin?: boolean; lastTenantId?: string | null };
    request.identity = {
      userId: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale === 'en' ? 'en' : 'ja',
      isPlatformAdmin: user.isPlatformAdmin === true,
      twoFactorEnabled: user.twoFactorEnabled === true,
      lastTenantId: user.lastTenantId ?? null,
    };
    request.locale = request.identity.locale;
    // A refreshed session comes with a new cookie: cache only what the browser will send again.
    if (!headers?.getSetCookie().some((cookie) => cookie.includes('.session_token='))) cache.set(sessionCookie, request.identity);
  });
}

export function requireIdentity(request: FastifyRequest): Identity {
  if (!request.identity) throw new AppError('UNAUTHENTICATED');
  return request.identity;
}

/**
 * The principal of a tenant-scoped request: the signed-in person, and the tenant named in the
 * X-Tenant-Id header (or the one they used last). Membership is verified by the service (withActor).
 */
export function requirePrincipal(request: FastifyRequest): Principal {
  const identity = requireIdentity(request);
  const header = request.headers[TENANT_HEADER];
  let tenantId: string | null = identity.lastTenantId;
  if (typeof header === 'string' && header !== '') {
    if (!UUID.test(header)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: TENANT_HEADER, code: 'invalid_format' }] });
    tenantId = header.toLowerCase();
  }
  return { userId: identity.userId, tenantId, locale: request.locale, requestId: request.id };
}
