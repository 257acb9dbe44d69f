import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authUser, signInThrottle, usedTwoFactorCode } from '../../db/schema';

/** Failed sign-ins of one address (by digest); null when there were none. */
export async function findThrottle(db: Db, emailHash: string) {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.emailHash, emailHash));
  return row ?? null;
}

/**
 * Counts a failure in the current window (restarting the count when the window has passed) and
 * locks the address when the count reaches `limit`. Returns the stored state.
 */
export async function recordSignInFailure(db: Db, emailHash: string, policy: { limit: number; windowMinutes: number; lockMinutes: number }) {
  const [row] = await db
    .insert(signInThrottle)
    .values({ emailHash, failures: 1, firstFailureAt: new Date() })
    .onConflictDoUpdate({
      target: signInThrottle.emailHash,
      set: {
        failures: sql`CASE WHEN ${signInThrottle.firstFailureAt} < now() - make_interval(mins => ${policy.windowMinutes}) THEN 1 ELSE ${signInThrottle.failures} + 1 END`,
        firstFailureAt: sql`CASE WHEN ${signInThrottle.firstFailureAt} < now() - make_interval(mins => ${policy.windowMinutes}) THEN now() ELSE ${signInThrottle.firstFailureAt} END`,
      },
    })
    .returning();
  if (row && row.failures >= policy.limit) {
    const [locked] = await db
      .update(signInThrottle)
      .set({ lockedUntil: sql`now() + make_interval(mins => ${policy.lockMinutes})`, failures: 0, firstFailureAt: null })
      .where(eq(signInThrottle.emailHash, emailHash))
      .returning();
    return locked ?? row;
  }
  return row;
}

export async function clearSignInFailures(db: Db, emailHash: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.emailHash, emailHash));
}

/** Marks a TOTP code as used; false when the same person used it within `withinMinutes` (a replay). */
export async function claimTwoFactorCode(db: Db, userId: string, codeHash: string, withinMinutes: number): Promise<boolean> {
  await db.delete(usedTwoFactorCode).where(lt(usedTwoFactorCode.usedAt, sql`now() - make_interval(mins => ${withinMinutes})`));
  const inserted = await db.insert(usedTwoFactorCode).values({ userId, codeHash }).onConflictDoNothing().returning();
  return inserted.length === 1;
}

export async function updateUserPreferences(db: Db, userId: string, changes: { locale?: string; lastTenantId?: string }) {
  await db
    .update(authUser)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(authUser.id, userId));
}
