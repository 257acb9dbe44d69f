import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Role } from '../../../shared/roles';
import type { invitationAcceptInput, invitationList, invitationPreview, memberList } from '../../../shared/schemas/members';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import type { Identity } from '../../platform/auth/auth.plugin';
import { hashPassword } from '../../platform/auth/auth-system';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { translator, type Locale } from '../../platform/i18n';
import { enqueueMail } from '../../platform/mail/outbox';
import { withTenant } from '../../platform/tenancy';
import { assertCan } from '../../platform/auth/authorize';
import { memberPolicy } from './members.policy';
import * as repository from './members.repository';

export const INVITATION_VALID_DAYS = 7;
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** People of a tenant: roles, invitations (mailed links with a one-time token) and their acceptance. */
export function createMemberService(db: Db, config: Config) {
  /** Mails the invitation link; returns the inviter's name. */
  async function invitationMail(tx: Db, actor: Actor, email: string, role: Role, link: string): Promise<string> {
    const tenantName = (await repository.findTenantName(tx, actor.tenantId)) ?? '';
    const inviter = (await repository.findUserName(tx, actor.userId)) ?? '';
    const t = translator(actor.locale, 'mail');
    await enqueueMail(tx, {
      tenantId: actor.tenantId,
      to: email,
      template: 'invitation',
      subject: t('invitation.subject', { tenant: tenantName }),
      bodyText: t('invitation.body', { tenant: tenantName, inviter, role: t(`roles.${role}`), url: link, days: INVITATION_VALID_DAYS }),
    });
    return inviter;
  }

  return {
    async list(principal: Principal): Promise<z.output<typeof memberList>> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(memberPolicy.canList(actor));
        const rows = await repository.listMembers(tx, actor.tenantId);
        return {
          items: rows.map((row) => ({
            userId: row.userId,
            name: row.name,
            email: row.email,
            role: row.role as Role,
            twoFactorEnabled: row.twoFactorEnabled === true,
            joinedAt: row.joinedAt.toISOString(),
            version: row.version,
          })),
          abilities: { invite: memberPolicy.canManage(actor), changeRoles: memberPolicy.canManage(actor) },
        };
      });
    },

    async changeRole(principal: Principal, userId: string, role: Role, expectedVersion: number) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(memberPolicy.canManage(actor));
        const current = await repository.findMember(tx, actor.tenantId, userId);
        if (!current) throw notFound();
        if (current.version !== expectedVersion) throw versionConflict(current.version);
        if (current.role === 'admin' && role !== 'admin' && (await repository.countAdmins(tx, actor.tenantId)) <= 1) throw new AppError('LAST_ADMIN');
        if (!(await repository.updateMemberRole(tx, actor.tenantId, userId, role, expectedVersion))) throw versionConflict(current.version);
        await recordAudit(tx, actor, {
          action: 'membership.update',
          entityType: 'membership',
          entityId: userId,
          before: { role: current.role },
          after: { role },
        });
        return { ok: true as const };
      });
    },

    async remove(principal: Principal, userId: string, expectedVersion: number) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(memberPolicy.canManage(actor));
        const current = await repository.findMember(tx, actor.tenantId, userId);
        if (!current) throw notFound();
        if (current.version !== expectedVersion) throw versionConflict(current.version);
        if (current.role === 'admin' && (await repository.countAdmins(tx, actor.tenantId)) <= 1) throw new AppError('LAST_ADMIN');
        if (!(await repository.deleteMembership(tx, actor.tenantId, userId, expectedVersion))) throw versionConflict(current.version);
        await recordAudit(tx, actor, { action: 'membership.delete', entityType: 'membership', entityId: userId, before: { role: current.role } });
        return { ok: true as const };
      });
    },

    async listInvitations(principal: Principal): Promise<z.output<typeof invitationList>> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(memberPolicy.canManage(actor));
        const rows = await repository.listPendingInvitations(tx, actor.tenantId);
        return {
          items: rows.map((row) => ({
            id: row.id,
            email: row.email,
            role: row.role as Role,
            invitedBy: row.invitedBy,
            expiresAt: row.expiresAt.toISOString(),
            createdAt: row.createdAt.toISOString(),
          })),
        };
      });
    },

    /** Invites a person by e-mail; the link (with a one-time token, stored hashed) goes out by mail after commit. */
    async invite(principal: Principal, email: string, role: Role) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(memberPolicy.canManage(actor));
        const existing = await repository.findUserByEmail(tx, email);
        if (existing && (await repository.findMember(tx, actor.tenantId, existing.id))) throw new AppError('ALREADY_MEMBER');
        const id = randomUUID();
        const token = randomBytes(32).toString('base64url');
        const expiresAt = new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
        await repository.insertInvitation(tx, { tenantId: actor.tenantId, id, email, role, tokenHash: hashToken(token), invitedBy: actor.userId, expiresAt });
        const inviter = await invitationMail(tx, actor, email, role, `${config.publicUrl}/invitations/${actor.tenantId}/${token}`);
        await recordAudit(tx, actor, { action: 'invitation.create', entityType: 'invitation', entityId: id, after: { email, role, expiresAt: expiresAt.toISOString() } });
        return { id, email, role, invitedBy: inviter, expiresAt: expiresAt.toISOString(), createdAt: new Date().toISOString() };
      });
    },

    async revokeInvitation(principal: Principal, id: string) {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(memberPolicy.canManage(actor));
        const current = await repository.findInvitationById(tx, actor.tenantId, id);
        if (!current || current.acceptedAt || current.revokedAt) throw notFound();
        await repository.markInvitation(tx, actor.tenantId, id, { revokedAt: new Date() });
        await recordAudit(tx, actor, { action: 'invitation.revoke', entityType: 'invitation', entityId: id, before: { email: current.email, role: current.role } });
        return { ok: true as const };
      });
    },

    /** What the invitation page shows before the person accepts (no sign-in needed: the token is the key). */
    async preview(tenantId: string, token: string): Promise<z.output<typeof invitationPreview>> {
      return withTenant(db, tenantId, async (tx) => {
        const found = await repository.findOpenInvitationByToken(tx, tenantId, hashToken(token));
        if (!found) throw new AppError('INVALID_TOKEN');
        const user = await repository.findUserByEmail(tx, found.invitation.email);
        return {
          tenantName: found.tenantName,
          email: found.invitation.email,
          role: found.invitation.role as Role,
          expiresAt: found.invitation.expiresAt.toISOString(),
          hasAccount: user !== null,
        };
      });
    },

    /**
     * Accepts an invitation. A new person chooses a name and password (their account is created in the
     * same transaction as the membership); an existing person must be signed in as the invited address.
     */
    async accept(tenantId: string, token: string, input: z.output<typeof invitationAcceptInput>, identity: Identity | null, locale: Locale) {
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return withTenant(db, tenantId, async (tx) => {
        const found = await repository.findOpenInvitationByToken(tx, tenantId, hashToken(token));
        if (!found) throw new AppError('INVALID_TOKEN');
        const { invitation } = found;
        const existing = await repository.findUserByEmail(tx, invitation.email);
        let userId: string;
        if (existing) {
          if (!identity || identity.userId !== existing.id) throw new AppError('UNAUTHENTICATED');
          userId = existing.id;
        } else {
          const fields = [
            ...(input.name ? [] : [{ path: 'name', code: 'required' }]),
            ...(passwordHash ? [] : [{ path: 'password', code: 'required' }]),
          ];
          if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });
          userId = await repository.insertCredentialUser(tx, { name: input.name!, email: invitation.email, passwordHash: passwordHash!, locale });
        }
        if (await repository.findMember(tx, tenantId, userId)) throw new AppError('ALREADY_MEMBER');
        await repository.insertMembership(tx, { tenantId, userId, role: invitation.role });
        await repository.markInvitation(tx, tenantId, invitation.id, { acceptedAt: new Date() });
        const actor: Actor = { userId, tenantId, role: invitation.role as Role, locale };
        await recordAudit(tx, actor, { action: 'membership.create', entityType: 'membership', entityId: userId, after: { role: invitation.role, invitationId: invitation.id } });
        return { ok: true as const };
      });
    },
  };
}

export type MemberService = ReturnType<typeof createMemberService>;
