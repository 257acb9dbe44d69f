import type { TFunction } from 'i18next';
import type { FieldError } from '../../shared/errors';
import { isApiError } from '../api/client';

/** Codes whose wording needs values the error body does not carry (the lockout minutes, the upload limit). */
const CODES_WORDED_BY_SERVER = new Set(['ACCOUNT_LOCKED', 'PAYLOAD_TOO_LARGE']);

/**
 * A text of the shared error catalog (src/shared/i18n/<lang>/errors.json, owned with the server).
 * The key is passed as a variable so the web catalog extraction leaves that namespace alone.
 */
export function errorText(t: TFunction, key: string, options: Record<string, unknown> = {}): string {
  return t(key, { ...options, ns: 'errors' });
}

/** The message for a failed request, from the shared error catalog. */
export function errorMessage(t: TFunction, error: unknown): string {
  const internal = 'INTERNAL';
  if (!isApiError(error)) return errorText(t, internal);
  if (error.code === 'NETWORK') return t('errors.network');
  if (CODES_WORDED_BY_SERVER.has(error.code) && error.serverMessage) return error.serverMessage;
  return errorText(t, error.code, { ...error.details, defaultValue: errorText(t, internal) });
}

/** The message for one field problem (`field.<code>` in the shared catalog). */
export function fieldMessage(t: TFunction, field: Pick<FieldError, 'code' | 'params'>): string {
  const invalid = 'field.invalid';
  return errorText(t, `field.${field.code}`, { ...field.params, defaultValue: errorText(t, invalid) });
}
