import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseActivity, fundingProgramme } from '../../db/schema';

export type ActivityRow = typeof caseActivity.$inferSelect;
export type ActivityInsert = typeof caseActivity.$inferInsert;

export async function listActivities(tx: Db, tenantId: string, caseId: string): Promise<ActivityRow[]> {
  return tx
    .select()
    .from(caseActivity)
    .where(and(eq(caseActivity.tenantId, tenantId), eq(caseActivity.caseId, caseId)))
    .orderBy(asc(caseActivity.occurredAt), asc(caseActivity.createdAt));
}

export async function findActivity(tx: Db, tenantId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<ActivityRow | null> {
  const query = tx.select().from(caseActivity).where(and(eq(caseActivity.tenantId, tenantId), eq(caseActivity.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertActivity(tx: Db, row: ActivityInsert): Promise<void> {
  await tx.insert(caseActivity).values(row);
}

export async function updateActivity(tx: Db, tenantId: string, id: string, expectedVersion: number, changes: Partial<ActivityInsert>): Promise<ActivityRow | null> {
  const [row] = await tx
    .update(caseActivity)
    .set({ ...changes, version: expectedVersion + 1 })
    .where(and(eq(caseActivity.tenantId, tenantId), eq(caseActivity.id, id), eq(caseActivity.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function deleteActivity(tx: Db, tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await tx
    .delete(caseActivity)
    .where(and(eq(caseActivity.tenantId, tenantId), eq(caseActivity.id, id), eq(caseActivity.version, expectedVersion)))
    .returning({ id: caseActivity.id });
  return rows.length === 1;
}

export async function programmeExists(tx: Db, tenantId: string, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: fundingProgramme.id })
    .from(fundingProgramme)
    .where(and(eq(fundingProgramme.tenantId, tenantId), eq(fundingProgramme.id, id)));
  return !!row;
}
