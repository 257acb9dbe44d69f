import type { TFunction } from 'i18next';
import type { FieldError } from '../../shared/errors';
import { isApiError } from '../api/client';

/** Codes whose wording needs values the error body does not carry (the lockout minutes, the upload limit). */
const CODES_WORDED_BY_SERVER = new Set(['ACCOUNT_LOCKED', 'PAYLOAD_TOO_LARGE']);

/** The message for a failed request, from the shared error catalog (src/shared/i18n/<lang>/errors.json). */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors:INTERNAL');
  if (error.code === 'NETWORK') return t('common:errors.network');
  if (CODES_WORDED_BY_SERVER.has(error.code) && error.serverMessage) return error.serverMessage;
  return t(`errors:${error.code}`, { ...error.details, defaultValue: t('errors:INTERNAL') });
}

/** The message for one field problem (`field.<code>` in the shared catalog). */
export function fieldMessage(t: TFunction, field: Pick<FieldError, 'code' | 'params'>): string {
  return t(`errors:field.${field.code}`, { ...field.params, defaultValue: t('errors:field.invalid') });
}
