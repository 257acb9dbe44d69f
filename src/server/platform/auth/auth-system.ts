import { createHmac } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth/minimal';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor } from 'better-auth/plugins/two-factor';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { authAccount, authSession, authTwoFactor, authUser, authVerification } from '../../db/schema';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
export const SESSION_COOKIE_PREFIX = 'tsumugi';

/** argon2id with @node-rs/argon2's defaults (m=19 MiB, t=2, p=1: OWASP's minimum profile). */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password);

export interface PasswordResetRequest {
  userId: string;
  email: string;
  name: string;
  token: string;
}

/**
 * better-auth configured for Tsumugi (docs/decisions/0003-authentication.md): e-mail + password
 * (argon2id), database sessions in httpOnly SameSite=Lax cookies, TOTP two-factor and password reset.
 * It is used as a library behind our own /api/v1/auth routes, which add what it leaves to the caller
 * when called directly: CSRF checks, rate limits, lockout and error shapes.
 */
export function createAuthSystem(config: Config, db: Db, options: { secret: string; onPasswordReset: (request: PasswordResetRequest) => Promise<void> }) {
  const auth = betterAuth({
    appName: 'Tsumugi',
    baseURL: config.publicUrl,
    basePath: '/api/v1/auth',
    secret: options.secret,
    trustedOrigins: [new URL(config.publicUrl).origin],
    telemetry: { enabled: false },
    // Its warnings (e.g. an unknown address at sign-in) are expected traffic; failures still log.
    logger: { level: 'error' },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: authUser, session: authSession, account: authAccount, verification: authVerification, twoFactor: authTwoFactor },
    }),
    advanced: {
      database: { generateId: 'uuid' },
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      ipAddress: { ipAddressHeaders: ['x-tsumugi-client-ip'] },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: ({ hash: passwordHash, password }) => verifyPassword(passwordHash, password) },
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) =>
        options.onPasswordReset({ userId: user.id, email: user.email, name: user.name, token }),
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60, freshAge: 60 * 60 * 12 },
    user: {
      additionalFields: {
        locale: { type: 'string', required: false, defaultValue: 'ja', input: false },
        isPlatformAdmin: { type: 'boolean', required: false, defaultValue: false, input: false },
        lastTenantId: { type: 'string', required: false, input: false },
      },
    },
    verification: { storeIdentifier: 'hashed' },
    plugins: [twoFactor({ issuer: 'Tsumugi' })],
  });
  return auth;
}

export type BetterAuth = ReturnType<typeof createAuthSystem>;

/** A keyed hash of an e-mail address, so throttling tables hold no address. */
export function emailDigest(secret: string, email: string): string {
  return createHmac('sha256', secret).update(email.trim().toLowerCase()).digest('base64url');
}
