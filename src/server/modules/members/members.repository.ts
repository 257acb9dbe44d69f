import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authAccount, authUser, invitation, membership, tenant } from '../../db/schema';

export async function listMembers(tx: Db, tenantId: string) {
  return tx
    .select({
      userId: membership.userId,
      role: membership.role,
      joinedAt: membership.createdAt,
      version: membership.version,
      name: authUser.name,
      email: authUser.email,
      twoFactorEnabled: authUser.twoFactorEnabled,
    })
    .from(membership)
    .innerJoin(authUser, eq(authUser.id, membership.userId))
    .where(eq(membership.tenantId, tenantId))
    .orderBy(asc(authUser.name));
}

export async function findMember(tx: Db, tenantId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(membership)
    .where(and(eq(membership.tenantId, tenantId), eq(membership.userId, userId)))
    .for('update');
  return row ?? null;
}

export async function countAdmins(tx: Db, tenantId: string): Promise<number> {
  const [row] = await tx
    .select({ total: count() })
    .from(membership)
    .where(and(eq(membership.tenantId, tenantId), eq(membership.role, 'admin')));
  return Number(row?.total ?? 0);
}

export async function insertMembership(tx: Db, row: typeof membership.$inferInsert) {
  await tx.insert(membership).values(row);
}

export async function updateMemberRole(tx: Db, tenantId: string, userId: string, role: string, expectedVersion: number): Promise<boolean> {
  const rows = await tx
    .update(membership)
    .set({ role, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(membership.tenantId, tenantId), eq(membership.userId, userId), eq(membership.version, expectedVersion)))
    .returning({ userId: membership.userId });
  return rows.length === 1;
}

export async function deleteMembership(tx: Db, tenantId: string, userId: string, expectedVersion: number): Promise<boolean> {
  const rows = await tx
    .delete(membership)
    .where(and(eq(membership.tenantId, tenantId), eq(membership.userId, userId), eq(membership.version, expectedVersion)))
    .returning({ userId: membership.userId });
  return rows.length === 1;
}

export async function findUserByEmail(tx: Db, email: string) {
  const [row] = await tx.select({ id: authUser.id, name: authUser.name, email: authUser.email }).from(authUser).where(eq(authUser.email, email));
  return row ?? null;
}

export async function findUserName(tx: Db, userId: string): Promise<string | null> {
  const [row] = await tx.select({ name: authUser.name }).from(authUser).where(eq(authUser.id, userId));
  return row?.name ?? null;
}

/** Creates a person with a password credential, as better-auth would, inside the caller's transaction. */
export async function insertCredentialUser(tx: Db, user: { name: string; email: string; passwordHash: string; locale: string }): Promise<string> {
  const [created] = await tx
    .insert(authUser)
    .values({ name: user.name, email: user.email, emailVerified: true, locale: user.locale })
    .returning({ id: authUser.id });
  const userId = created!.id;
  await tx.insert(authAccount).values({ userId, accountId: userId, providerId: 'credential', password: user.passwordHash });
  return userId;
}

export async function listPendingInvitations(tx: Db, tenantId: string) {
  return tx
    .select({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      createdAt: invitation.createdAt,
      invitedBy: authUser.name,
    })
    .from(invitation)
    .leftJoin(authUser, eq(authUser.id, invitation.invitedBy))
    .where(and(eq(invitation.tenantId, tenantId), isNull(invitation.acceptedAt), isNull(invitation.revokedAt), gt(invitation.expiresAt, new Date())))
    .orderBy(asc(invitation.createdAt));
}

export async function insertInvitation(tx: Db, row: typeof invitation.$inferInsert) {
  await tx.insert(invitation).values(row);
}

export async function findInvitationById(tx: Db, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(invitation)
    .where(and(eq(invitation.tenantId, tenantId), eq(invitation.id, id)));
  return row ?? null;
}

/** An open invitation by its token (hash), with the tenant's name. */
export async function findOpenInvitationByToken(tx: Db, tenantId: string, tokenHash: string) {
  const [row] = await tx
    .select({ invitation, tenantName: tenant.name })
    .from(invitation)
    .innerJoin(tenant, eq(tenant.id, invitation.tenantId))
    .where(
      and(
        eq(invitation.tenantId, tenantId),
        eq(invitation.tokenHash, tokenHash),
        isNull(invitation.acceptedAt),
        isNull(invitation.revokedAt),
        gt(invitation.expiresAt, new Date()),
      ),
    )
    .for('update', { of: invitation });
  return row ?? null;
}

export async function markInvitation(tx: Db, tenantId: string, id: string, changes: { acceptedAt?: Date; revokedAt?: Date }) {
  await tx.update(invitation).set(changes).where(and(eq(invitation.tenantId, tenantId), eq(invitation.id, id)));
}

export async function findTenantName(tx: Db, tenantId: string): Promise<string | null> {
  const [row] = await tx.select({ name: tenant.name }).from(tenant).where(eq(tenant.id, tenantId));
  return row?.name ?? null;
}
