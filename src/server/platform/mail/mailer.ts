import type { FastifyBaseLogger } from 'fastify';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { mailMessage } from '../../db/schema';

export interface Mailer {
  /** Delivers what is pending in the outbox; called after a commit that enqueued mail, and periodically. */
  deliverPending(): Promise<void>;
  /**
   * Asks for a delivery run soon, without waiting: calls within a quarter of a second share one run (a busy
   * public form must not add a delivery transaction to every request). Routes call this after a commit.
   */
  requestDelivery(): void;
  /** Forgets a requested run (the server is closing). */
  stop(): void;
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
  let scheduled: NodeJS.Timeout | null = null;

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

  function deliverPending() {
    // One delivery run at a time; a call during a run waits for it.
    running ??= deliverBatch()
      .catch((error: unknown) => log.error({ err: error }, 'mail delivery run failed'))
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    isConfigured: transport !== null,
    deliverPending,
    requestDelivery() {
      scheduled ??= setTimeout(() => {
        scheduled = null;
        void deliverPending();
      }, 250);
      scheduled.unref();
    },
    stop() {
      if (scheduled) clearTimeout(scheduled);
      scheduled = null;
    },
  };
}
