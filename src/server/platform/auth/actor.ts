import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/roles';
import { roles } from '../../../shared/roles';
import { APP_ROLE, type Db } from '../../db/client';
import { membership } from '../../db/schema';
import { AppError } from '../errors';
import type { Locale } from '../i18n';

/** A signed-in person and the tenant they ask to act in (not yet checked). Routes build one per request. */
export interface Principal {
  userId: string;
  /** The tenant named by the request (X-Tenant-Id) or the person's last one; null lets a sole membership decide. */
  tenantId: string | null;
  locale: Locale;
  requestId?: string;
}

/** A principal whose membership was verified: who acts, in which tenant, with which role. */
export interface Actor {
  userId: string;
  tenantId: string;
  role: Role;
  locale: Locale;
  requestId?: string;
}

/**
 * The unit of work of every tenant-scoped service call: one transaction that
 * 1. runs as the application role with app.user_id set,
 * 2. resolves the principal's membership (role) in the requested tenant, under row-level security,
 * 3. narrows the transaction to that tenant (app.tenant_id) and runs `work` with the verified actor.
 * The role is read in the same transaction as the work, so a role change cannot race with it.
 */
export async function withActor<T>(db: Db, principal: Principal, work: (tx: Db, actor: Actor) => Promise<T>): Promise<T> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    // One statement sets the role, the person and (when named) the tenant; RLS then shows the membership
    // in that tenant only. A request that names no tenant sees the person's own memberships instead.
    await tx.execute(
      sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.user_id', ${principal.userId}, true), set_config('app.tenant_id', ${principal.tenantId ?? ''}, true)`,
    );
    const memberships = await tx
      .select({ tenantId: membership.tenantId, role: membership.role })
      .from(membership)
      .where(
        principal.tenantId
          ? and(eq(membership.userId, principal.userId), eq(membership.tenantId, principal.tenantId))
          : eq(membership.userId, principal.userId),
      )
      .limit(2);
    const chosen = memberships.length === 1 ? memberships[0] : undefined;
    if (!chosen) throw new AppError(principal.tenantId || memberships.length === 0 ? 'FORBIDDEN' : 'TENANT_REQUIRED');
    if (!(roles as readonly string[]).includes(chosen.role)) throw new AppError('FORBIDDEN');
    if (!principal.tenantId) await tx.execute(sql`SELECT set_config('app.tenant_id', ${chosen.tenantId}, true)`);
    const actor: Actor = {
      userId: principal.userId,
      tenantId: chosen.tenantId,
      role: chosen.role as Role,
      locale: principal.locale,
      requestId: principal.requestId,
    };
    return work(tx, actor);
  });
}
