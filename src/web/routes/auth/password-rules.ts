import type { TFunction } from 'i18next';
import { PASSWORD_MIN_LENGTH } from '../../../shared/schemas/common';

/** The support text under a new-password field states the server's rule. */
export function passwordSupport(t: TFunction): string {
  return t('password.support', { minimum: PASSWORD_MIN_LENGTH });
}
