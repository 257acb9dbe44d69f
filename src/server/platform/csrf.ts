import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { AppError } from './errors';

export const CSRF_COOKIE = 'tsumugi.csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Public endpoints that carry no ambient authority (no session) may opt out of the CSRF check. */
    csrf?: false;
  }
}

/**
 * CSRF protection for every state-changing API request, in two layers on top of SameSite cookies:
 * 1. the request must come from our own origin (Origin, or Sec-Fetch-Site when Origin is absent);
 * 2. it must echo, in the X-CSRF-Token header, the random token held in an httpOnly cookie, which a
 *    page can only learn from a same-origin JSON response (GET /api/v1/auth/session).
 */
export function csrfGuard(config: Config) {
  const publicOrigin = new URL(config.publicUrl).origin;
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    if (request.routeOptions.config?.csrf === false) return;

    const origin = request.headers.origin;
    if (origin !== undefined) {
      const ownOrigin = `${request.protocol}://${request.headers.host ?? ''}`;
      if (origin !== publicOrigin && origin !== ownOrigin) throw new AppError('CSRF_REJECTED');
    } else {
      const site = request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new AppError('CSRF_REJECTED');
    }

    const cookieToken = request.cookies[CSRF_COOKIE];
    const headerToken = request.headers[CSRF_HEADER];
    if (typeof headerToken !== 'string' || !cookieToken || !sameToken(cookieToken, headerToken)) {
      throw new AppError('CSRF_REJECTED');
    }
  };
}

/** Returns the request's CSRF token, issuing a new cookie when it has none. */
export function ensureCsrfToken(request: FastifyRequest, reply: FastifyReply, config: Config): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.publicUrl.startsWith('https://'),
  });
  return token;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
