import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy } from 'drizzle-orm/pg-core';

/**
 * Row-level security helpers. The application's queries run as the role `tsumugi_app` (no superuser,
 * no BYPASSRLS) and every tenant table uses FORCE ROW LEVEL SECURITY, so a query that forgets its
 * tenant filter still sees nothing of another tenant. The tenant comes from a per-transaction
 * setting, written by `withTenant` (see src/server/platform/tenancy.ts). `app_current_tenant()` and
 * `app_current_user()` are defined in the first migration.
 */
export const currentTenant: SQL = sql`app_current_tenant()`;
export const currentUser: SQL = sql`app_current_user()`;

/** The one policy every tenant-owned table carries: rows of the current tenant only, read and write. */
export function tenantIsolationPolicy(tenantColumn: SQL = sql`tenant_id`) {
  return pgPolicy('tenant_isolation', {
    as: 'permissive',
    for: 'all',
    to: 'public',
    using: sql`${tenantColumn} = ${currentTenant}`,
    withCheck: sql`${tenantColumn} = ${currentTenant}`,
  });
}
