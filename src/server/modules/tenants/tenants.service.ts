import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import { translator } from '../../platform/i18n';
import { enqueueMail } from '../../platform/mail/outbox';
import { withTenant } from '../../platform/tenancy';
import { INVITATION_VALID_DAYS } from '../members/members.service';
import { insertInvitation } from '../members/members.repository';
import type { z } from 'zod';
import type { Role } from '../../../shared/roles';
import type { tenantDetail, tenantList, tenantUpdateInput } from '../../../shared/schemas/tenant';
import { findPrefecture } from '../../../shared/reference';
import { recordAudit } from '../../platform/audit/audit';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { notFound, versionConflict } from '../../platform/errors';
import { withUser } from '../../platform/tenancy';
import { findTenant, insertTenant, listTenantsOfUser, updateTenant, type TenantRow } from './tenants.repository';

const canUpdateTenant = (actor: Actor) => actor.role === 'admin';

function presentTenant(row: TenantRow, role: Role) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    nameEn: row.nameEn,
    kind: row.kind,
    prefecture: row.prefectureCode ? { code: row.prefectureCode, name: findPrefecture(row.prefectureCode)?.name ?? '' } : null,
    role,
    version: row.version,
  };
}

/** The tenants a person works in, and the current one's details (admins rename it). */
export function createTenantService(db: Db) {
  return {
    async listMine(userId: string): Promise<z.output<typeof tenantList>> {
      const rows = await withUser(db, userId, (tx) => listTenantsOfUser(tx, userId));
      return { items: rows.map((row) => presentTenant(row.tenant, row.role as Role)) };
    },

    async current(principal: Principal): Promise<z.output<typeof tenantDetail>> {
      return withActor(db, principal, async (tx, actor) => {
        const row = await findTenant(tx, actor.tenantId);
        if (!row) throw notFound();
        return { ...presentTenant(row, actor.role), abilities: { update: canUpdateTenant(actor) } };
      });
    },

    async updateCurrent(principal: Principal, input: z.output<typeof tenantUpdateInput>): Promise<z.output<typeof tenantDetail>> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(canUpdateTenant(actor));
        const current = await findTenant(tx, actor.tenantId, { forUpdate: true });
        if (!current) throw notFound();
        if (current.version !== input.version) throw versionConflict(current.version);
        const changes = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}) };
        if (!(await updateTenant(tx, actor.tenantId, input.version, changes))) throw versionConflict(current.version);
        const updated = (await findTenant(tx, actor.tenantId))!;
        await recordAudit(tx, actor, {
          action: 'tenant.update',
          entityType: 'tenant',
          entityId: actor.tenantId,
          before: { name: current.name, nameEn: current.nameEn },
          after: { name: updated.name, nameEn: updated.nameEn },
        });
        return { ...presentTenant(updated, actor.role), abilities: { update: true } };
      });
    },
  };
}

export type TenantService = ReturnType<typeof createTenantService>;

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
