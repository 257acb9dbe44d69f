import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { mailMessage } from '../../db/schema';

export interface OutgoingMail {
  /** The tenant the mail belongs to; null for mail about the account itself (password reset). */
  tenantId: string | null;
  recipientUserId?: string | null;
  to: string;
  subject: string;
  bodyText: string;
  template: string;
}

/**
 * Puts a mail in the outbox inside the caller's transaction: it is delivered only if the change that
 * caused it commits (see mailer.ts, which sends after commit).
 */
export async function enqueueMail(tx: Db, mail: OutgoingMail): Promise<string> {
  const [id] = await enqueueMails(tx, [mail]);
  return id!;
}

/** Several mails in one statement (the public form writes the requester's receipt and the desk's notice together). */
export async function enqueueMails(tx: Db, mails: OutgoingMail[]): Promise<string[]> {
  if (mails.length === 0) return [];
  const rows = mails.map((mail) => ({
    id: randomUUID(),
    tenantId: mail.tenantId,
    recipientUserId: mail.recipientUserId ?? null,
    toAddress: mail.to,
    subject: mail.subject,
    bodyText: mail.bodyText,
    template: mail.template,
  }));
  await tx.insert(mailMessage).values(rows);
  return rows.map((row) => row.id);
}
