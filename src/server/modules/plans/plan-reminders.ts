import type { Db } from '../../db/client';
import { translator } from '../../platform/i18n';
import { enqueueMail } from '../../platform/mail/outbox';
import { allTenantIds, withTenant } from '../../platform/tenancy';
import { japanToday } from '../cases/case-rules';
import { membersByIds } from '../cases/cases.repository';
import { periodDueOn, periodLabel } from './engine/periods';
import * as repository from './indicators.repository';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Reminds owners of actuals falling due: a period with nothing submitted or approved is reminded once, when its
 * deadline is the plan's `reminderDays` away or closer (also when already past). One mail per owner and plan lists
 * their indicators. Owners are the indicator's, else its node's. Runs hourly from main.ts, in every tenant, and
 * marks the periods reminded in the same transaction as the mail, so a restart never sends one twice.
 */
export async function sendReportReminders(db: Db, publicUrl: string, now = new Date()): Promise<number> {
  const today = japanToday(now);
  const t = translator('ja', 'mail');
  let written = 0;
  for (const tenantId of await allTenantIds(db)) {
    written += await withTenant(db, tenantId, async (tx) => {
      const candidates = (await repository.periodsToRemind(tx, tenantId)).filter((row) => {
        const dueOn = periodDueOn({ fiscalYear: row.fiscal_year, half: row.half as 1 | 2 | null }, { firstHalfDue: row.first_half_due, yearDue: row.year_due });
        return daysBetween(today, dueOn) <= row.reminder_days;
      });
      if (candidates.length === 0) return 0;
      const byOwnerAndPlan = new Map<string, typeof candidates>();
      for (const row of candidates) {
        const owners = row.owner_ids.length > 0 ? row.owner_ids : (row.node_owner_ids ?? []);
        for (const owner of owners) byOwnerAndPlan.set(`${owner}|${row.plan_id}`, [...(byOwnerAndPlan.get(`${owner}|${row.plan_id}`) ?? []), row]);
      }
      const members = await membersByIds(tx, tenantId, [...byOwnerAndPlan.keys()].map((key) => key.split('|')[0]!));
      let count = 0;
      for (const [key, rows] of byOwnerAndPlan) {
        const person = members.get(key.split('|')[0]!);
        if (!person || person.role === 'viewer') continue;
        const first = rows[0]!;
        const dueOn = periodDueOn({ fiscalYear: first.fiscal_year, half: first.half as 1 | 2 | null }, { firstHalfDue: first.first_half_due, yearDue: first.year_due });
        await enqueueMail(tx, {
          tenantId,
          recipientUserId: key.split('|')[0]!,
          to: person.email,
          template: 'planReportDue',
          subject: t('planReportDue.subject', { dueOn }),
          bodyText: t('planReportDue.body', {
            name: person.name,
            dueOn,
            plan: first.plan_title,
            items: rows.map((row) => `・${row.name}（${periodLabel(row.fiscal_year, row.half as 1 | 2 | null, 'ja')}）`).join('\n'),
            url: `${publicUrl}/plans/${first.plan_id}/reporting`,
          }),
        });
        count += 1;
      }
      await repository.markReminded(tx, tenantId, candidates.map((row) => row.period_id));
      return count;
    });
  }
  return written;
}
