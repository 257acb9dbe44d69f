import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import { translator } from '../../platform/i18n';
import { enqueueMail } from '../../platform/mail/outbox';
import { withTenant } from '../../platform/tenancy';
import { INVITATION_VALID_DAYS } from '../members/members.service';
import { insertInvitation } from '../members/members.repository';
import { insertTenant } from './tenants.repository';

export interface NewTenant {
  slug: string;
  name: string;
  nameEn?: string | null;
  kind: string;
  prefectureCode?: string | null;
  adminEmail: string;
}

/**
 * Creates a tenant and invites its first administrator (a platform operation: the command line
 * `npm run create-tenant`). Returns the invitation link, which is also mailed (or held in the outbox).
 */
export async function createTenantWithFirstAdmin(db: Db, config: Config, input: NewTenant): Promise<{ tenantId: string; invitationUrl: string }> {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(input.slug)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'slug', code: 'invalid_format' }] });
  const tenantId = randomUUID();
  const token = randomBytes(32).toString('base64url');
  const invitationUrl = `${config.publicUrl}/invitations/${tenantId}/${token}`;
  await withTenant(db, tenantId, async (tx) => {
    await insertTenant(tx, { id: tenantId, slug: input.slug, name: input.name, nameEn: input.nameEn ?? null, kind: input.kind, prefectureCode: input.prefectureCode ?? null });
    await insertInvitation(tx, {
      tenantId,
      id: randomUUID(),
      email: input.adminEmail.trim().toLowerCase(),
      role: 'admin',
      tokenHash: createHash('sha256').update(token).digest('base64url'),
      invitedBy: null,
      expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000),
    });
    const t = translator('ja', 'mail');
    await enqueueMail(tx, {
      tenantId,
      to: input.adminEmail,
      template: 'invitation',
      subject: t('invitation.subject', { tenant: input.name }),
      bodyText: t('invitation.body', { tenant: input.name, inviter: 'Tsumugi', role: t('roles.admin'), url: invitationUrl, days: INVITATION_VALID_DAYS }),
    });
  });
  return { tenantId, invitationUrl };
}
