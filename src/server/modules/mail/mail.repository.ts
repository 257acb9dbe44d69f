import { and, desc, lt, or, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { mailMessage } from '../../db/schema';

/** The outbox as row-level security shows it to the tenant: its own mail and its members' account mail. */
export async function listMail(tx: Db, before: { createdAt: Date; id: string } | null, limit: number) {
  return tx
    .select()
    .from(mailMessage)
    .where(
      before
        ? or(lt(mailMessage.createdAt, before.createdAt), and(eq(mailMessage.createdAt, before.createdAt), lt(mailMessage.id, before.id)))
        : undefined,
    )
    .orderBy(desc(mailMessage.createdAt), desc(mailMessage.id))
    .limit(limit + 1);
}
