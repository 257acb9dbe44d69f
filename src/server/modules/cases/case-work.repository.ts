import { and, asc, count, eq, sql } from 'drizzle-orm';
import { DEFAULT_FOLLOW_UP_MONTHS } from '../../../shared/domain/desk';
import type { Db } from '../../db/client';
import { caseAttachment, company, deskCase, deskSettings, followUp, nextAction, savedCaseView } from '../../db/schema';
import { visibleTo, type CaseViewer, type FollowUpRow, type NextActionRow } from './cases.repository';

/** Next actions and follow-ups: the work hanging under a case. */

export async function followUpMonths(tx: Db, tenantId: string): Promise<number[]> {
  const [row] = await tx.select({ months: deskSettings.followUpMonths }).from(deskSettings).where(eq(deskSettings.tenantId, tenantId));
  return row?.months ?? [...DEFAULT_FOLLOW_UP_MONTHS];
}

export async function insertNextAction(tx: Db, row: typeof nextAction.$inferInsert): Promise<void> {
  await tx.insert(nextAction).values(row);
}

export async function findNextAction(tx: Db, tenantId: string, id: string): Promise<NextActionRow | null> {
  const [row] = await tx.select().from(nextAction).where(and(eq(nextAction.tenantId, tenantId), eq(nextAction.id, id))).for('update');
  return row ?? null;
}

export async function updateNextAction(tx: Db, tenantId: string, id: string, expectedVersion: number, changes: Partial<typeof nextAction.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(nextAction)
    .set({ ...changes, version: expectedVersion + 1 })
    .where(and(eq(nextAction.tenantId, tenantId), eq(nextAction.id, id), eq(nextAction.version, expectedVersion)))
    .returning({ id: nextAction.id });
  return rows.length === 1;
}

export async function findFollowUp(tx: Db, tenantId: string, id: string): Promise<FollowUpRow | null> {
  const [row] = await tx.select().from(followUp).where(and(eq(followUp.tenantId, tenantId), eq(followUp.id, id))).for('update');
  return row ?? null;
}

export async function updateFollowUp(tx: Db, tenantId: string, id: string, expectedVersion: number, changes: Partial<typeof followUp.$inferInsert>): Promise<FollowUpRow | null> {
  const [row] = await tx
    .update(followUp)
    .set({ ...changes, version: expectedVersion + 1 })
    .where(and(eq(followUp.tenantId, tenantId), eq(followUp.id, id), eq(followUp.version, expectedVersion)))
    .returning();
  return row ?? null;
}

function followUpWhere(tenantId: string, viewer: CaseViewer, due: 'due' | 'upcoming' | 'all', today: string) {
  const window =
    due === 'due' ? sql`${followUp.dueOn} <= ${today}::date + 14` : due === 'upcoming' ? sql`${followUp.dueOn} > ${today}::date + 14` : undefined;
  return and(eq(followUp.tenantId, tenantId), eq(followUp.status, 'scheduled'), window, visibleTo(viewer));
}

/** Follow-ups to do: due within two weeks or overdue ('due'), later ones ('upcoming'), or every scheduled one; by due date. */
export async function listFollowUps(
  tx: Db,
  tenantId: string,
  viewer: CaseViewer,
  due: 'due' | 'upcoming' | 'all',
  today: string,
  limit: number,
  after: { value: string; id: string } | null,
) {
  return tx
    .select({ followUp, caseId: deskCase.id, receiptNumber: deskCase.receiptNumber, title: deskCase.title, companyName: company.name })
    .from(followUp)
    .innerJoin(deskCase, and(eq(deskCase.tenantId, followUp.tenantId), eq(deskCase.id, followUp.caseId)))
    .innerJoin(company, and(eq(company.tenantId, deskCase.tenantId), eq(company.id, deskCase.companyId)))
    .where(and(followUpWhere(tenantId, viewer, due, today), after ? sql`(${followUp.dueOn}, ${followUp.id}) > (${after.value}::date, ${after.id}::uuid)` : undefined))
    .orderBy(asc(followUp.dueOn), asc(followUp.id))
    .limit(limit);
}

export async function countFollowUps(tx: Db, tenantId: string, viewer: CaseViewer, due: 'due' | 'upcoming' | 'all', today: string): Promise<number> {
  const [row] = await tx
    .select({ total: count() })
    .from(followUp)
    .innerJoin(deskCase, and(eq(deskCase.tenantId, followUp.tenantId), eq(deskCase.id, followUp.caseId)))
    .where(followUpWhere(tenantId, viewer, due, today));
  return Number(row?.total ?? 0);
}

export async function insertAttachment(tx: Db, row: typeof caseAttachment.$inferInsert): Promise<void> {
  await tx.insert(caseAttachment).values(row);
}

export async function findAttachment(tx: Db, tenantId: string, id: string) {
  const [row] = await tx.select().from(caseAttachment).where(and(eq(caseAttachment.tenantId, tenantId), eq(caseAttachment.id, id)));
  return row ?? null;
}

export async function deleteAttachment(tx: Db, tenantId: string, id: string): Promise<void> {
  await tx.delete(caseAttachment).where(and(eq(caseAttachment.tenantId, tenantId), eq(caseAttachment.id, id)));
}

export async function listSavedViews(tx: Db, tenantId: string, userId: string) {
  return tx
    .select({ id: savedCaseView.id, name: savedCaseView.name, query: savedCaseView.query })
    .from(savedCaseView)
    .where(and(eq(savedCaseView.tenantId, tenantId), eq(savedCaseView.userId, userId)))
    .orderBy(asc(savedCaseView.name));
}

export async function insertSavedView(tx: Db, row: typeof savedCaseView.$inferInsert): Promise<void> {
  await tx.insert(savedCaseView).values(row);
}

/** Deletes one of the person's own views; returns false when there is none (another person's view is not theirs). */
export async function deleteSavedView(tx: Db, tenantId: string, userId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(savedCaseView)
    .where(and(eq(savedCaseView.tenantId, tenantId), eq(savedCaseView.userId, userId), eq(savedCaseView.id, id)))
    .returning({ id: savedCaseView.id });
  return rows.length === 1;
}
