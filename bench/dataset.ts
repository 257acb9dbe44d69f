import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../src/server/db/client';
import { authUser, tenant } from '../src/server/db/schema';
import type { Actor } from '../src/server/platform/auth/actor';
import { hashPassword } from '../src/server/platform/auth/auth-system';
import { withTenant } from '../src/server/platform/tenancy';
import { completeCompanyState, createCompanyService } from '../src/server/modules/companies/companies.service';
import { insertCredentialUser, insertMembership } from '../src/server/modules/members/members.repository';
import { demoCompanies, demoTenants } from '../src/server/seed/demo-data';

export const BENCH_PASSWORD = 'bench-password-2026';
export const benchEmail = (index: number) => `bench-staff-${index}@bench.example`;

export interface BenchTenant {
  tenantId: string;
  email: string;
}

/**
 * The benchmark's data: `tenants` tenants with `perTenant` synthetic companies each (the demo generator,
 * alternating Aomori and Koriyama municipalities), and one staff member per tenant. Idempotent: an
 * existing dataset of the right size is reused.
 */
export async function ensureDataset(db: Db, tenants: number, perTenant: number, log: (line: string) => void): Promise<BenchTenant[]> {
  const [existing] = await db.select({ total: count() }).from(authUser);
  const result: BenchTenant[] = [];
  if (Number(existing?.total ?? 0) >= tenants) {
    for (let index = 0; index < tenants; index++) {
      const [user] = await db.select({ lastTenantId: authUser.lastTenantId }).from(authUser).where(eq(authUser.email, benchEmail(index)));
      if (!user?.lastTenantId) throw new Error('the bench dataset is incomplete: delete it and run again');
      result.push({ tenantId: user.lastTenantId, email: benchEmail(index) });
    }
    return result;
  }
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const companies = createCompanyService(db);
  for (let index = 0; index < tenants; index++) {
    const tenantId = randomUUID();
    const template = demoTenants[index % demoTenants.length]!;
    const started = performance.now();
    await withTenant(db, tenantId, async (tx) => {
      await tx.insert(tenant).values({ id: tenantId, slug: `bench-${index}`, name: `${template.name} ベンチ${index}`, kind: template.kind, prefectureCode: template.prefectureCode });
    });
    const userId = await withTenant(db, tenantId, async (tx) => {
      const id = await insertCredentialUser(tx, { name: `ベンチ 利用者${index}`, email: benchEmail(index), passwordHash, locale: 'ja' });
      await insertMembership(tx, { tenantId, userId: id, role: 'staff' });
      await tx.update(authUser).set({ lastTenantId: tenantId }).where(eq(authUser.id, id));
      return id;
    });
    const actor: Actor = { userId, tenantId, role: 'staff', locale: 'ja' };
    const inputs = demoCompanies(template, perTenant, 1000 + index);
    for (let offset = 0; offset < inputs.length; offset += 500) {
      const states = inputs.slice(offset, offset + 500).map((input) => ({ state: completeCompanyState(input).state }));
      await withTenant(db, tenantId, (tx) => companies.insertCompanies(tx, actor, states));
    }
    log(`  tenant ${index + 1}/${tenants}: ${perTenant} companies in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    result.push({ tenantId, email: benchEmail(index) });
  }
  return result;
}
