import type { Db } from '../../db/client';
import { tenant } from '../../db/schema';

/** Inserts a tenant; run inside that tenant's own context (withTenant), as the row policy requires. */
export async function insertTenant(tx: Db, row: typeof tenant.$inferInsert): Promise<void> {
  await tx.insert(tenant).values(row);
}
