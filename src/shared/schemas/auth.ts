import { z } from 'zod';
import { roles } from '../roles';
import { newPasswordSchema } from './common';

const email = z
  .string()
  .transform((value) => value.normalize('NFKC').trim().toLowerCase())
  .pipe(z.email().max(254));

const newPassword = newPasswordSchema;

export const signInInput = z.strictObject({ email, password: z.string().min(1).max(256) }).meta({ id: 'SignIn' });
export const signInResult = z
  .object({ status: z.enum(['signed_in', 'two_factor_required']).describe('two_factor_required: continue with POST /auth/two-factor/verify') })
  .meta({ id: 'SignInResult' });

export const twoFactorVerifyInput = z
  .strictObject({
    code: z
      .string()
      .transform((value) => value.normalize('NFKC').replace(/\s/g, ''))
      .pipe(z.string().regex(/^(\d{6}|[A-Za-z0-9]{5}-[A-Za-z0-9]{5})$/, 'invalid_format')),
  })
  .meta({ id: 'TwoFactorVerify' });

export const passwordInput = z.strictObject({ password: z.string().min(1).max(256) }).meta({ id: 'PasswordConfirmation' });
export const twoFactorEnrolment = z
  .object({ totpUri: z.string().describe('otpauth:// URI for the authenticator app (show it as a QR code)'), backupCodes: z.array(z.string()) })
  .meta({ id: 'TwoFactorEnrolment' });

export const passwordResetRequestInput = z.strictObject({ email }).meta({ id: 'PasswordResetRequest' });
export const passwordResetConfirmInput = z
  .strictObject({ token: z.string().min(10).max(200), newPassword })
  .meta({ id: 'PasswordResetConfirm' });
export const passwordChangeInput = z
  .strictObject({ currentPassword: z.string().min(1).max(256), newPassword })
  .meta({ id: 'PasswordChange' });

export const tenantSummary = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), nameEn: z.string().nullable(), role: z.enum(roles) })
  .meta({ id: 'TenantMembership' });

export const sessionInfo = z
  .object({
    user: z
      .object({
        id: z.uuid(),
        name: z.string(),
        email: z.string(),
        locale: z.enum(['ja', 'en']),
        twoFactorEnabled: z.boolean(),
        isPlatformAdmin: z.boolean(),
      })
      .nullable(),
    tenants: z.array(tenantSummary).describe('The tenants the person belongs to, with their role in each'),
    currentTenantId: z.uuid().nullable().describe('The tenant used when a request names none (X-Tenant-Id)'),
    csrfToken: z.string().describe('Send it back in the X-CSRF-Token header of every state-changing request'),
  })
  .meta({ id: 'SessionInfo' });

export const preferencesInput = z.strictObject({ locale: z.enum(['ja', 'en']) }).meta({ id: 'Preferences' });
export const currentTenantInput = z.strictObject({ tenantId: z.uuid() }).meta({ id: 'CurrentTenant' });
export const ok = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });
