import {
  currentTenantInput,
  ok,
  passwordChangeInput,
  passwordInput,
  passwordResetConfirmInput,
  passwordResetRequestInput,
  preferencesInput,
  sessionInfo,
  signInInput,
  signInResult,
  twoFactorEnrolment,
  twoFactorVerifyInput,
} from '../../../shared/schemas/auth';
import { errorResponses } from '../../../shared/schemas/common';
import type { Config } from '../../config';
import { authHeaders, forwardCookies, requireIdentity } from '../../platform/auth/auth.plugin';
import { ensureCsrfToken } from '../../platform/csrf';
import type { App } from '../../platform/http';
import type { Mailer } from '../../platform/mail/mailer';
import type { AuthService } from './auth.service';

const tags = ['auth'];
/** Sign-in, sign-out, two-factor, password reset and the session summary. */
export function authRoutes(app: App, service: AuthService, config: Config, mailer: Mailer) {
  // Per client address, on top of the per-account lockout.
  const signInRateLimit = { rateLimit: { max: config.rateLimits.signInPerMinute, timeWindow: '1 minute', keyGenerator: (request: { ip: string }) => request.ip } };
  app.get('/auth/session', {
    schema: { tags, summary: 'Who is signed in, their tenants, and the CSRF token', response: { 200: sessionInfo } },
    handler: async (request, reply) => service.describeSession(request.identity, ensureCsrfToken(request, reply, config)),
  });

  app.post('/auth/sign-in', {
    config: signInRateLimit,
    schema: { tags, summary: 'Sign in with e-mail and password', body: signInInput, response: { 200: signInResult, ...errorResponses(400, 401, 403, 429) } },
    handler: async (request, reply) => {
      const result = await service.signIn(request.body.email, request.body.password, authHeaders(request));
      forwardCookies(reply, result.headers);
      return { status: result.value };
    },
  });

  app.post('/auth/two-factor/verify', {
    config: signInRateLimit,
    schema: {
      tags,
      summary: 'Complete a sign-in, or confirm a new authenticator, with a TOTP code or a backup code',
      body: twoFactorVerifyInput,
      response: { 200: signInResult, ...errorResponses(400, 401, 403, 429) },
    },
    handler: async (request, reply) => {
      if (request.identity) app.identityCache.forget(request.identity.userId);
      const result = await service.verifyTwoFactor(request.body.code, authHeaders(request), request.identity?.userId ?? null);
      forwardCookies(reply, result.headers);
      return { status: result.value };
    },
  });

  app.post('/auth/sign-out', {
    schema: { tags, summary: 'Sign out (ends this session)', response: { 200: ok, ...errorResponses(403) } },
    handler: async (request, reply) => {
      if (request.identity) app.identityCache.forget(request.identity.userId);
      const result = await service.signOut(authHeaders(request));
      forwardCookies(reply, result.headers);
      return { ok: true as const };
    },
  });

  app.post('/auth/two-factor/enable', {
    schema: {
      tags,
      summary: 'Start two-factor enrolment: returns the authenticator URI and backup codes; confirm with /auth/two-factor/verify',
      body: passwordInput,
      response: { 200: twoFactorEnrolment, ...errorResponses(400, 401, 403, 422) },
    },
    handler: async (request, reply) => {
      app.identityCache.forget(requireIdentity(request).userId);
      const result = await service.enableTwoFactor(request.body.password, authHeaders(request));
      forwardCookies(reply, result.headers);
      return result.value;
    },
  });

  app.post('/auth/two-factor/disable', {
    schema: { tags, summary: 'Turn two-factor sign-in off', body: passwordInput, response: { 200: ok, ...errorResponses(400, 401, 403) } },
    handler: async (request, reply) => {
      app.identityCache.forget(requireIdentity(request).userId);
      const result = await service.disableTwoFactor(request.body.password, authHeaders(request));
      forwardCookies(reply, result.headers);
      return { ok: true as const };
    },
  });

  app.post('/auth/password-reset/request', {
    config: signInRateLimit,
    schema: {
      tags,
      summary: 'Mail a password-reset link (the answer is the same whether or not the address has an account)',
      body: passwordResetRequestInput,
      response: { 202: ok, ...errorResponses(400, 403, 429) },
    },
    handler: async (request, reply) => {
      await service.requestPasswordReset(request.body.email, authHeaders(request));
      mailer.requestDelivery();
      return reply.status(202).send({ ok: true as const });
    },
  });

  app.post('/auth/password-reset/confirm', {
    config: signInRateLimit,
    schema: { tags, summary: 'Set a new password with the token from the mail', body: passwordResetConfirmInput, response: { 200: ok, ...errorResponses(400, 403, 422, 429) } },
    handler: async (request) => {
      await service.resetPassword(request.body.token, request.body.newPassword);
      return { ok: true as const };
    },
  });

  app.post('/auth/password', {
    schema: { tags, summary: 'Change your password (other sessions are signed out)', body: passwordChangeInput, response: { 200: ok, ...errorResponses(400, 401, 403) } },
    handler: async (request, reply) => {
      app.identityCache.forget(requireIdentity(request).userId);
      const result = await service.changePassword(request.body.currentPassword, request.body.newPassword, authHeaders(request));
      forwardCookies(reply, result.headers);
      return { ok: true as const };
    },
  });

  app.put('/me/preferences', {
    schema: { tags, summary: 'Your display language', body: preferencesInput, response: { 200: ok, ...errorResponses(400, 401, 403) } },
    handler: async (request) => {
      const identity = requireIdentity(request);
      await service.setPreferences(identity, request.body);
      app.identityCache.forget(identity.userId);
      return { ok: true as const };
    },
  });

  app.put('/me/current-tenant', {
    schema: { tags, summary: 'Switch to another of your tenants', body: currentTenantInput, response: { 200: ok, ...errorResponses(400, 401, 403) } },
    handler: async (request) => {
      const identity = requireIdentity(request);
      await service.setCurrentTenant(identity, request.body.tenantId);
      app.identityCache.forget(identity.userId);
      return { ok: true as const };
    },
  });
}
