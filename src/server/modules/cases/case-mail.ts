import type { Db } from '../../db/client';
import type { Actor } from '../../platform/auth/actor';
import { translator } from '../../platform/i18n';
import { enqueueMail } from '../../platform/mail/outbox';
import { membersByIds } from './cases.repository';

export type CaseRole = 'coordinator' | 'expert' | 'partner';

/** Tells people they were put on a case (not the person who did it). Delivered after commit. */
export async function mailAssignments(
  tx: Db,
  actor: Actor,
  publicUrl: string,
  subject: { id: string; receiptNumber: string; title: string; companyName: string },
  assignments: { userId: string; role: CaseRole }[],
): Promise<void> {
  const others = assignments.filter((assignment) => assignment.userId !== actor.userId);
  if (others.length === 0) return;
  const people = await membersByIds(tx, actor.tenantId, [actor.userId, ...others.map((assignment) => assignment.userId)]);
  const t = translator(actor.locale, 'mail');
  for (const { userId, role } of others) {
    const person = people.get(userId);
    if (!person) continue;
    await enqueueMail(tx, {
      tenantId: actor.tenantId,
      recipientUserId: userId,
      to: person.email,
      template: 'caseAssigned',
      subject: t('caseAssigned.subject', { receipt: subject.receiptNumber }),
      bodyText: t('caseAssigned.body', {
        name: person.name,
        actor: people.get(actor.userId)?.name ?? '',
        role: t(`participantRoles.${role}`),
        receipt: subject.receiptNumber,
        title: subject.title,
        company: subject.companyName,
        url: `${publicUrl}/cases/${subject.id}`,
      }),
    });
  }
}
