import { sql } from 'drizzle-orm';
import { APP_ROLE, type Db } from '../db/client';

/**
 * Row-level security context for work that is not a person's request: seeding, benchmarks, the
 * platform creating a tenant. Requests go through withActor (auth/actor.ts) instead.
 * The transaction runs as the application role and sees only `tenantId`'s rows.
 */
export async function withTenant<T>(db: Db, tenantId: string, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', '', true)`,
    );
    return work(tx as unknown as Db);
  });
}

/**
 * Work for a signed-in person before a tenant is chosen: they see their own memberships and the
 * tenants they belong to, and nothing else of any tenant.
 */
export async function withUser<T>(db: Db, userId: string, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', '', true), set_config('app.user_id', ${userId}, true)`,
    );
    return work(tx as unknown as Db);
  });
}

/** Every tenant's ID, for jobs that visit each tenant in turn (reminders); reads through the public lookup policy. */
export async function allTenantIds(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.public_lookup', 'on', true)`);
    const result = await tx.execute(sql`SELECT id FROM tenant ORDER BY id`);
    return (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
  });
}
