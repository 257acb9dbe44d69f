import type { FastifyBaseLogger } from 'fastify';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { mailMessage } from '../../db/schema';

export interface Mailer {
  /** Delivers what is pending in the outbox; called after a commit that enqueued mail, and periodically. */
  deliverPending(): Promise<void>;
  readonly isConfigured: boolean;
}

const MAX_ATTEMPTS = 5;

/**
 * Delivers the outbox through SMTP when SMTP_URL is set. Without it, mail is held in the outbox
 * (status `held`) where admins read it in the UI: nothing leaves the machine.
 */
export function createMailer(config: Config, db: Db, log: FastifyBaseLogger): Mailer {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  let running: Promise<void> | null = null;

  async function deliverBatch(): Promise<void> {
    if (!transport) {
      // Nothing to send through: hold everything pending in one statement (the public form enqueues at a high rate).
      await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('app.mail_delivery', 'on', true)`);
        await tx.update(mailMessage).set({ status: 'held' }).where(eq(mailMessage.status, 'pending'));
      });
      return;
    }
    const batch = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('app.mail_delivery', 'on', true)`);
      return tx
        .select()
        .from(mailMessage)
        .where(and(eq(mailMessage.status, 'pending'), lt(mailMessage.attempts, MAX_ATTEMPTS)))
        .orderBy(asc(mailMessage.createdAt))
        .limit(50);
    });
    for (const mail of batch) {
      let update: Partial<typeof mailMessage.$inferInsert>;
      try {
        await transport.sendMail({ from: config.mailFrom, to: mail.toAddress, subject: mail.subject, text: mail.bodyText });
        update = { status: 'sent', sentAt: new Date(), attempts: mail.attempts + 1, lastError: null };
      } catch (error) {
        const attempts = mail.attempts + 1;
        update = { status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', attempts, lastError: String((error as Error).message).slice(0, 500) };
        log.warn({ mailId: mail.id, attempts }, 'mail delivery failed');
      }
      await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('app.mail_delivery', 'on', true)`);
        await tx.update(mailMessage).set(update).where(eq(mailMessage.id, mail.id));
      });
    }
  }

  return {
    isConfigured: transport !== null,
    deliverPending() {
      // One delivery run at a time; a call during a run waits for it.
      running ??= deliverBatch()
        .catch((error: unknown) => log.error({ err: error }, 'mail delivery run failed'))
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}
