import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { membership, tenant } from '../../db/schema';

export type TenantRow = typeof tenant.$inferSelect;

/** Inserts a tenant; run inside that tenant's own context (withTenant), as the row policy requires. */
export async function insertTenant(tx: Db, row: typeof tenant.$inferInsert): Promise<void> {
  await tx.insert(tenant).values(row);
}

/** The tenants a person belongs to, with their role in each (RLS shows only their own memberships). */
export async function listTenantsOfUser(tx: Db, userId: string) {
  return tx
    .select({ tenant, role: membership.role })
    .from(membership)
    .innerJoin(tenant, eq(tenant.id, membership.tenantId))
    .where(eq(membership.userId, userId))
    .orderBy(asc(tenant.name));
}

export async function findTenant(tx: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<TenantRow | null> {
  const query = tx.select().from(tenant).where(eq(tenant.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateTenant(tx: Db, id: string, expectedVersion: number, changes: Partial<typeof tenant.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(tenant)
    .set({ ...changes, updatedAt: new Date(), version: sql`${tenant.version} + 1` })
    .where(and(eq(tenant.id, id), eq(tenant.version, expectedVersion)))
    .returning({ id: tenant.id });
  return rows.length === 1;
}
