import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authUser, company, deskCase, followUp, nextAction } from '../../db/schema';
import { translator } from '../../platform/i18n';
import { enqueueMail } from '../../platform/mail/outbox';
import { allTenantIds, withTenant } from '../../platform/tenancy';
import { japanToday } from './case-rules';

/** A next action is reminded the day before it is due; a follow-up a week before. Each once. */
const NEXT_ACTION_LEAD_DAYS = 1;
const FOLLOW_UP_LEAD_DAYS = 7;

/**
 * Mails reminders for next actions and follow-ups falling due, in every tenant, and marks them reminded
 * in the same transaction (so a restart never sends one twice). Runs hourly from main.ts. Returns how
 * many mails it wrote.
 */
export async function sendDueReminders(db: Db, publicUrl: string, now = new Date()): Promise<number> {
  const today = japanToday(now);
  let written = 0;
  for (const tenantId of await allTenantIds(db)) {
    written += await withTenant(db, tenantId, async (tx) => {
      const t = translator('ja', 'mail');
      let count = 0;
      const actions = await tx
        .select({ action: nextAction, receipt: deskCase.receiptNumber, caseTitle: deskCase.title, coordinatorId: deskCase.coordinatorId })
        .from(nextAction)
        .innerJoin(deskCase, and(eq(deskCase.tenantId, nextAction.tenantId), eq(deskCase.id, nextAction.caseId)))
        .where(and(eq(nextAction.tenantId, tenantId), isNull(nextAction.doneAt), isNull(nextAction.remindedAt), lte(nextAction.dueOn, sql`${today}::date + ${NEXT_ACTION_LEAD_DAYS}::int`)));
      for (const { action, receipt, caseTitle, coordinatorId } of actions) {
        const recipientId = action.assigneeId ?? coordinatorId;
        const [person] = recipientId ? await tx.select({ name: authUser.name, email: authUser.email }).from(authUser).where(eq(authUser.id, recipientId)) : [];
        if (person) {
          await enqueueMail(tx, {
            tenantId,
            recipientUserId: recipientId,
            to: person.email,
            template: 'nextActionDue',
            subject: t('nextActionDue.subject', { title: action.title }),
            bodyText: t('nextActionDue.body', { name: person.name, dueOn: action.dueOn, receipt, caseTitle, title: action.title, url: `${publicUrl}/cases/${action.caseId}` }),
          });
          count += 1;
        }
        await tx.update(nextAction).set({ remindedAt: now }).where(and(eq(nextAction.tenantId, tenantId), eq(nextAction.id, action.id)));
      }
      const followUps = await tx
        .select({ followUp, receipt: deskCase.receiptNumber, caseTitle: deskCase.title, coordinatorId: deskCase.coordinatorId, companyName: company.name })
        .from(followUp)
        .innerJoin(deskCase, and(eq(deskCase.tenantId, followUp.tenantId), eq(deskCase.id, followUp.caseId)))
        .innerJoin(company, and(eq(company.tenantId, deskCase.tenantId), eq(company.id, deskCase.companyId)))
        .where(and(eq(followUp.tenantId, tenantId), eq(followUp.status, 'scheduled'), isNull(followUp.remindedAt), lte(followUp.dueOn, sql`${today}::date + ${FOLLOW_UP_LEAD_DAYS}::int`)));
      for (const row of followUps) {
        const [person] = row.coordinatorId ? await tx.select({ name: authUser.name, email: authUser.email }).from(authUser).where(eq(authUser.id, row.coordinatorId)) : [];
        if (person) {
          await enqueueMail(tx, {
            tenantId,
            recipientUserId: row.coordinatorId,
            to: person.email,
            template: 'followUpDue',
            subject: t('followUpDue.subject', { months: row.followUp.monthsAfter, receipt: row.receipt }),
            bodyText: t('followUpDue.body', {
              name: person.name,
              months: row.followUp.monthsAfter,
              dueOn: row.followUp.dueOn,
              receipt: row.receipt,
              caseTitle: row.caseTitle,
              company: row.companyName,
              url: `${publicUrl}/cases/${row.followUp.caseId}`,
            }),
          });
          count += 1;
        }
        await tx.update(followUp).set({ remindedAt: now }).where(and(eq(followUp.tenantId, tenantId), eq(followUp.id, row.followUp.id)));
      }
      return count;
    });
  }
  return written;
}
