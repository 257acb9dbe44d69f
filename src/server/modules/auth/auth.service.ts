import { createHash } from 'node:crypto';
import { isAPIError } from 'better-auth/api';
import type { z } from 'zod';
import type { roles } from '../../../shared/roles';
import type { sessionInfo } from '../../../shared/schemas/auth';
import type { Db } from '../../db/client';
import { emailDigest, type BetterAuth } from '../../platform/auth/auth-system';
import type { Identity } from '../../platform/auth/auth.plugin';
import { AppError } from '../../platform/errors';
import { withUser } from '../../platform/tenancy';
import { listTenantsOfUser } from '../tenants/tenants.repository';
import * as repository from './auth.repository';

/** Five wrong passwords within 15 minutes lock the address for 15 minutes. */
export const LOCKOUT_POLICY = { limit: 5, windowMinutes: 15, lockMinutes: 15 } as const;
const TOTP_REPLAY_WINDOW_MINUTES = 3;

/** The result of a better-auth call: its value and the cookies to pass on. */
export interface WithCookies<T> {
  value: T;
  headers: Headers | null;
}

function apiErrorHeaders(error: unknown): Headers | null {
  return ((error as Record<symbol, unknown>)[Symbol.for('better-call:api-error-headers')] as Headers | undefined) ?? null;
}

/**
 * Sign-in, two-factor, password and session use cases. better-auth does the cryptography and the
 * sessions; this service adds what its direct API leaves to us: lockout, replay protection for TOTP
 * codes, our error codes and the session summary the web app needs.
 */
export function createAuthService(db: Db, auth: BetterAuth, secret: string) {
  async function call<T>(operation: () => Promise<{ headers: Headers; response: T }>, mapError: (code: string | undefined, status: number) => AppError): Promise<WithCookies<T>> {
    try {
      const { headers, response } = await operation();
      return { value: response, headers };
    } catch (error) {
      if (!isAPIError(error)) throw error;
      const mapped = mapError(error.body?.code, error.statusCode);
      // better-auth may set cookies on failure (an ended two-factor challenge): they must still reach the browser.
      throw new AppError(mapped.code, { ...mapped.options, cookies: apiErrorHeaders(error)?.getSetCookie() ?? [] });
    }
  }

  const passwordErrors = (code: string | undefined) => {
    if (code === 'PASSWORD_TOO_SHORT') return new AppError('VALIDATION_FAILED', { fields: [{ path: 'newPassword', code: 'password_too_short', params: { minimum: 12 } }] });
    if (code === 'PASSWORD_TOO_LONG') return new AppError('VALIDATION_FAILED', { fields: [{ path: 'newPassword', code: 'too_long', params: { maximum: 256 } }] });
    if (code === 'INVALID_PASSWORD' || code === 'INVALID_EMAIL_OR_PASSWORD') return new AppError('VALIDATION_FAILED', { fields: [{ path: 'password', code: 'invalid' }] });
    if (code === 'INVALID_TOKEN') return new AppError('INVALID_TOKEN');
    return new AppError('BAD_REQUEST');
  };

  return {
    async signIn(email: string, password: string, headers: Headers): Promise<WithCookies<'signed_in' | 'two_factor_required'>> {
      const key = emailDigest(secret, email);
      const throttle = await repository.findThrottle(db, key);
      if (throttle?.lockedUntil && throttle.lockedUntil > new Date()) {
        const minutes = Math.max(1, Math.ceil((throttle.lockedUntil.getTime() - Date.now()) / 60_000));
        throw new AppError('ACCOUNT_LOCKED', { params: { minutes } });
      }
      try {
        const result = await call(
          () => auth.api.signInEmail({ body: { email, password, rememberMe: true }, headers, returnHeaders: true }),
          (code) => (code === 'INVALID_EMAIL_OR_PASSWORD' || code === 'INVALID_EMAIL' ? new AppError('INVALID_CREDENTIALS') : new AppError('BAD_REQUEST')),
        );
        await repository.clearSignInFailures(db, key);
        const status = 'twoFactorRedirect' in (result.value as object) ? 'two_factor_required' : 'signed_in';
        return { value: status, headers: result.headers };
      } catch (error) {
        if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
          const state = await repository.recordSignInFailure(db, key, LOCKOUT_POLICY);
          if (state?.lockedUntil && state.lockedUntil > new Date()) throw new AppError('ACCOUNT_LOCKED', { params: { minutes: LOCKOUT_POLICY.lockMinutes } });
        }
        throw error;
      }
    },

    /** Completes a sign-in (two-factor cookie) or activates an enrolment (session cookie) with a TOTP or backup code. */
    async verifyTwoFactor(code: string, headers: Headers, userIdForReplay: string | null): Promise<WithCookies<'signed_in'>> {
      const isBackupCode = code.includes('-');
      const mapError = (errorCode: string | undefined, status: number) =>
        status === 429 || errorCode === 'ACCOUNT_TEMPORARILY_LOCKED'
          ? new AppError('ACCOUNT_LOCKED', { params: { minutes: 15 } })
          : errorCode === 'INVALID_TWO_FACTOR_COOKIE' || errorCode === 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE'
            ? new AppError('UNAUTHENTICATED')
            : new AppError('INVALID_TWO_FACTOR_CODE');
      const result = isBackupCode
        ? await call(() => auth.api.verifyBackupCode({ body: { code }, headers, returnHeaders: true }), mapError)
        : await call(() => auth.api.verifyTOTP({ body: { code }, headers, returnHeaders: true }), mapError);
      const userId = userIdForReplay ?? (result.value as { user?: { id?: string } }).user?.id ?? null;
      if (!isBackupCode && userId) {
        const codeHash = createHash('sha256').update(`${userId}:${code}`).digest('base64url');
        const isFresh = await repository.claimTwoFactorCode(db, userId, codeHash, TOTP_REPLAY_WINDOW_MINUTES);
        if (!isFresh) {
          // The same code again within its validity window: refuse, and end the session it just created.
          const token = (result.value as { token?: string }).token;
          if (token) await (await auth.$context).internalAdapter.deleteSession(token);
          throw new AppError('INVALID_TWO_FACTOR_CODE');
        }
      }
      return { value: 'signed_in', headers: result.headers };
    },

    async signOut(headers: Headers): Promise<WithCookies<true>> {
      try {
        const { headers: cookies } = await auth.api.signOut({ headers, returnHeaders: true });
        return { value: true, headers: cookies };
      } catch (error) {
        if (isAPIError(error)) return { value: true, headers: apiErrorHeaders(error) };
        throw error;
      }
    },

    async enableTwoFactor(password: string, headers: Headers) {
      const result = await call(
        () => auth.api.enableTwoFactor({ body: { password, method: 'totp' }, headers, returnHeaders: true }),
        (code) => (code === 'TOTP_ALREADY_ENABLED' ? new AppError('UNPROCESSABLE') : passwordErrors(code)),
      );
      if (!('totpURI' in result.value)) throw new AppError('UNPROCESSABLE');
      return { value: { totpUri: result.value.totpURI, backupCodes: result.value.backupCodes }, headers: result.headers };
    },

    async disableTwoFactor(password: string, headers: Headers) {
      return call(() => auth.api.disableTwoFactor({ body: { password }, headers, returnHeaders: true }), passwordErrors);
    },

    async requestPasswordReset(email: string, headers: Headers): Promise<void> {
      // Always the same answer, whether or not the address has an account.
      await auth.api.requestPasswordReset({ body: { email }, headers });
    },

    async resetPassword(token: string, newPassword: string): Promise<void> {
      try {
        await auth.api.resetPassword({ body: { token, newPassword } });
      } catch (error) {
        if (isAPIError(error)) throw passwordErrors(error.body?.code);
        throw error;
      }
    },

    async changePassword(currentPassword: string, newPassword: string, headers: Headers) {
      return call(
        () => auth.api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers, returnHeaders: true }),
        (code) => {
          const error = passwordErrors(code);
          return error.code === 'VALIDATION_FAILED' && error.options.fields?.[0]?.path === 'password'
            ? new AppError('VALIDATION_FAILED', { fields: [{ path: 'currentPassword', code: 'invalid' }] })
            : error;
        },
      );
    },

    /** What the web app needs to start: who is signed in, their tenants and roles, the current tenant. */
    async describeSession(identity: Identity | null, csrfToken: string): Promise<z.output<typeof sessionInfo>> {
      if (!identity) return { user: null, tenants: [], currentTenantId: null, csrfToken };
      const tenants = (await withUser(db, identity.userId, (tx) => listTenantsOfUser(tx, identity.userId))).map(({ tenant, role }) => ({
        id: tenant.id,
        slug: tenant.slug,
        name: tenant.name,
        nameEn: tenant.nameEn,
        role,
      }));
      const current = tenants.find((entry) => entry.id === identity.lastTenantId) ?? (tenants.length === 1 ? tenants[0] : undefined);
      return {
        user: {
          id: identity.userId,
          name: identity.name,
          email: identity.email,
          locale: identity.locale,
          twoFactorEnabled: identity.twoFactorEnabled,
          isPlatformAdmin: identity.isPlatformAdmin,
        },
        tenants: tenants.map((entry) => ({ ...entry, role: entry.role as (typeof roles)[number] })),
        currentTenantId: current?.id ?? null,
        csrfToken,
      };
    },

    async setPreferences(identity: Identity, preferences: { locale: 'ja' | 'en' }): Promise<void> {
      await repository.updateUserPreferences(db, identity.userId, preferences);
    },

    /** Remembers the tenant a person works in, after checking they belong to it. */
    async setCurrentTenant(identity: Identity, tenantId: string): Promise<void> {
      const tenants = await withUser(db, identity.userId, (tx) => listTenantsOfUser(tx, identity.userId));
      if (!tenants.some((entry) => entry.tenant.id === tenantId)) throw new AppError('FORBIDDEN');
      await repository.updateUserPreferences(db, identity.userId, { lastTenantId: tenantId });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
