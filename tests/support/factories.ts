import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '../../src/shared/roles';
import type { Db } from '../../src/server/db/client';
import { authUser, tenant } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/platform/auth/auth-system';
import { withTenant } from '../../src/server/platform/tenancy';
import { insertCredentialUser, insertMembership } from '../../src/server/modules/members/members.repository';

/** Factories write straight to the database (as the application role, in the tenant's context). */

export async function createTenant(db: Db, overrides: { name?: string; prefectureCode?: string } = {}): Promise<string> {
  const id = randomUUID();
  await withTenant(db, id, (tx) =>
    tx.insert(tenant).values({
      id,
      slug: `t-${id.slice(0, 8)}`,
      name: overrides.name ?? `テスト組織 ${id.slice(0, 4)}`,
      kind: 'desk',
      prefectureCode: overrides.prefectureCode ?? '02',
    }),
  );
  return id;
}

let cachedHash: { password: string; hash: string } | null = null;

export interface TestUser {
  userId: string;
  email: string;
  password: string;
}

export async function createUser(
  db: Db,
  memberships: { tenantId: string; role: Role }[],
  overrides: { email?: string; name?: string; password?: string; locale?: string } = {},
): Promise<TestUser> {
  const password = overrides.password ?? 'correct horse battery staple';
  if (cachedHash?.password !== password) cachedHash = { password, hash: await hashPassword(password) };
  const email = overrides.email ?? `user-${randomUUID()}@test.example`;
  const anyTenant = memberships[0]?.tenantId ?? randomUUID();
  const userId = await withTenant(db, anyTenant, (tx) =>
    insertCredentialUser(tx, { name: overrides.name ?? 'テスト 利用者', email, passwordHash: cachedHash!.hash, locale: overrides.locale ?? 'ja' }),
  );
  for (const membership of memberships) {
    await withTenant(db, membership.tenantId, (tx) => insertMembership(tx, { tenantId: membership.tenantId, userId, role: membership.role }));
  }
  return { userId, email, password };
}

export async function setLastTenant(db: Db, userId: string, tenantId: string) {
  await db.update(authUser).set({ lastTenantId: tenantId }).where(eq(authUser.id, userId));
}

/** A valid company create body (a fresh, valid 法人番号 each time unless given). */
export function companyBody(overrides: Record<string, unknown> = {}) {
  return {
    name: `株式会社テスト${randomUUID().slice(0, 6)}`,
    nameKana: 'テスト',
    entityType: 'corporation',
    corporateNumber: syntheticCorporateNumber(),
    prefectureCode: '02',
    municipalityCode: '022012',
    jsicMajor: 'E',
    jsicMiddle: '09',
    employees: 12,
    capitalYen: 10_000_000,
    consentShareWithPartners: false,
    ...overrides,
  };
}

export function syntheticCorporateNumber(): string {
  let base = '';
  for (let i = 0; i < 12; i++) base += String(Math.floor(Math.random() * 10));
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return `${9 - (sum % 9)}${base}`;
}
