import type { z } from 'zod';
import type { mailPage, mailQuery } from '../../../shared/schemas/audit';
import type { Db } from '../../db/client';
import { withActor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { AppError } from '../../platform/errors';
import type { Mailer } from '../../platform/mail/mailer';
import * as repository from './mail.repository';

/**
 * The outbox, for admins: without an SMTP server this is where invitations and password-reset links
 * wait, so an admin can pass them on (the product's answer for closed networks with no mail relay).
 */
export function createMailService(db: Db, mailer: Mailer) {
  return {
    async list(principal: Principal, query: z.output<typeof mailQuery>): Promise<z.output<typeof mailPage>> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(actor.role === 'admin');
        let before: { createdAt: Date; id: string } | null = null;
        if (query.cursor) {
          const [stamp, id] = query.cursor.split('_');
          const createdAt = new Date(Number(stamp));
          if (!id || Number.isNaN(createdAt.getTime())) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'cursor', code: 'invalid' }] });
          before = { createdAt, id };
        }
        const rows = await repository.listMail(tx, before, query.limit);
        const page = rows.slice(0, query.limit);
        const last = page[page.length - 1];
        return {
          items: page.map((row) => ({
            id: row.id,
            to: row.toAddress,
            subject: row.subject,
            bodyText: row.bodyText,
            template: row.template,
            status: row.status as 'pending' | 'held' | 'sent' | 'failed',
            createdAt: row.createdAt.toISOString(),
            sentAt: row.sentAt?.toISOString() ?? null,
          })),
          nextCursor: rows.length > query.limit && last ? `${last.createdAt.getTime()}_${last.id}` : null,
          smtpConfigured: mailer.isConfigured,
        };
      });
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
