import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authUser, deskCase, deskSettings, deskTheme, membership, tenant } from '../../db/schema';

export type ThemeRow = typeof deskTheme.$inferSelect;
export type SettingsRow = typeof deskSettings.$inferSelect;

export async function listThemes(tx: Db, tenantId: string): Promise<(ThemeRow & { caseCount: number })[]> {
  const rows = await tx
    .select({ theme: deskTheme, caseCount: sql<number>`(SELECT count(*) FROM ${deskCase} c WHERE c.tenant_id = desk_theme.tenant_id AND desk_theme.id = ANY(c.theme_ids))::int` })
    .from(deskTheme)
    .where(eq(deskTheme.tenantId, tenantId))
    .orderBy(asc(deskTheme.position), asc(deskTheme.name));
  return rows.map(({ theme, caseCount }) => ({ ...theme, caseCount: Number(caseCount) }));
}

export async function findTheme(tx: Db, tenantId: string, id: string): Promise<ThemeRow | null> {
  const [row] = await tx.select().from(deskTheme).where(and(eq(deskTheme.tenantId, tenantId), eq(deskTheme.id, id))).for('update');
  return row ?? null;
}

export async function themeNameTaken(tx: Db, tenantId: string, name: string, exceptId: string | null): Promise<boolean> {
  const [row] = await tx
    .select({ id: deskTheme.id })
    .from(deskTheme)
    .where(and(eq(deskTheme.tenantId, tenantId), eq(deskTheme.name, name), exceptId ? sql`${deskTheme.id} <> ${exceptId}::uuid` : undefined));
  return !!row;
}

export async function insertThemes(tx: Db, rows: (typeof deskTheme.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(deskTheme).values(rows);
}

export async function updateTheme(tx: Db, tenantId: string, id: string, expectedVersion: number, changes: Partial<typeof deskTheme.$inferInsert>): Promise<ThemeRow | null> {
  const [row] = await tx
    .update(deskTheme)
    .set({ ...changes, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(deskTheme.tenantId, tenantId), eq(deskTheme.id, id), eq(deskTheme.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** The desk's settings; a tenant without a row has the defaults (intake closed, follow-ups at 3/6/12 months). */
export async function findSettings(tx: Db, tenantId: string): Promise<SettingsRow | null> {
  const [row] = await tx.select().from(deskSettings).where(eq(deskSettings.tenantId, tenantId));
  return row ?? null;
}

export async function upsertSettings(tx: Db, row: typeof deskSettings.$inferInsert, expectedVersion: number | null): Promise<SettingsRow | null> {
  if (expectedVersion === null) {
    const [inserted] = await tx.insert(deskSettings).values({ ...row, version: 1 }).onConflictDoNothing().returning();
    return inserted ?? null;
  }
  const [updated] = await tx
    .update(deskSettings)
    .set({ ...row, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(deskSettings.tenantId, row.tenantId), eq(deskSettings.version, expectedVersion)))
    .returning();
  return updated ?? null;
}

export async function tenantSlug(tx: Db, tenantId: string): Promise<string | null> {
  const [row] = await tx.select({ slug: tenant.slug }).from(tenant).where(eq(tenant.id, tenantId));
  return row?.slug ?? null;
}

export async function membersWithRoles(tx: Db, tenantId: string, roles: string[]) {
  return tx
    .select({ id: membership.userId, name: authUser.name, role: membership.role })
    .from(membership)
    .innerJoin(authUser, eq(authUser.id, membership.userId))
    .where(and(eq(membership.tenantId, tenantId), inArray(membership.role, roles)))
    .orderBy(asc(authUser.name));
}

/** The themes the public form offers (no counts: the form is served to anyone, often). */
export async function activeThemes(tx: Db, tenantId: string) {
  return tx
    .select({ id: deskTheme.id, name: deskTheme.name, nameEn: deskTheme.nameEn })
    .from(deskTheme)
    .where(and(eq(deskTheme.tenantId, tenantId), sql`${deskTheme.archivedAt} IS NULL`))
    .orderBy(asc(deskTheme.position), asc(deskTheme.name));
}
