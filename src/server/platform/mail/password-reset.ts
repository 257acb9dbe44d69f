import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { authUser } from '../../db/schema';
import type { PasswordResetRequest } from '../auth/auth-system';
import { translator } from '../i18n';
import { enqueueMail } from './outbox';

/**
 * The password-reset mail, in the person's language, with a link to the web app's reset page.
 * better-auth calls `enqueue` when a reset is requested; delivery happens after, through the outbox.
 */
export function createPasswordResetMail(config: Config, db: Db) {
  const listeners: (() => void)[] = [];
  return {
    async enqueue(request: PasswordResetRequest): Promise<void> {
      const [user] = await db.select({ locale: authUser.locale }).from(authUser).where(eq(authUser.id, request.userId));
      const t = translator(user?.locale === 'en' ? 'en' : 'ja', 'mail');
      const url = `${config.publicUrl}/reset-password?token=${encodeURIComponent(request.token)}`;
      await enqueueMail(db, {
        tenantId: null,
        recipientUserId: request.userId,
        to: request.email,
        template: 'password_reset',
        subject: t('passwordReset.subject'),
        bodyText: t('passwordReset.body', { name: request.name, url }),
      });
      for (const listener of listeners) listener();
    },
    onEnqueued(listener: () => void) {
      listeners.push(listener);
    },
  };
}
