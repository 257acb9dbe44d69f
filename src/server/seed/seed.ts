import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { authUser } from '../db/schema';
import type { Actor } from '../platform/auth/actor';
import { hashPassword } from '../platform/auth/auth-system';
import { withTenant } from '../platform/tenancy';
import { createCompanyService, completeCompanyState } from '../modules/companies/companies.service';
import { insertCredentialUser, insertMembership } from '../modules/members/members.repository';
import { insertTenant } from '../modules/tenants/tenants.repository';
import { DEMO_PASSWORD, demoCompanies, demoTenants, demoUsers } from './demo-data';
import { seedDemoDesk } from './demo-desk';
import { seedDemoPlans } from './demo-plans';

/** True when the database has no account yet: a fresh install that `SEED_DEMO=auto` fills with the demo. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ total: count() }).from(authUser);
  return Number(row?.total ?? 0) === 0;
}

/**
 * Writes the demo: three tenants, their people, synthetic companies (about 200 in Aomori), the Aomori
 * desk's cases (see demo-desk.ts), and the plans: the prefecture's DX plan and AOIT's strategy (see
 * demo-plans.ts), through the same service code the API uses, so the audit trail shows who "created" them.
 */
export async function seedDemo(db: Db, options: { aomoriCompanies?: number; koriyamaCompanies?: number; publicUrl?: string } = {}): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const tenantIds = new Map<string, string>();
  for (const demoTenant of demoTenants) {
    const id = randomUUID();
    tenantIds.set(demoTenant.key, id);
    await withTenant(db, id, (tx) =>
      insertTenant(tx, { id, slug: demoTenant.slug, name: demoTenant.name, nameEn: demoTenant.nameEn, kind: demoTenant.kind, prefectureCode: demoTenant.prefectureCode }),
    );
  }

  const admins = new Map<string, string>();
  const userIds = new Map<string, string>();
  const aomoriPeople = { admin: '', staff: [] as string[], experts: [] as string[], partner: '' };
  for (const user of demoUsers) {
    const userId = await withTenant(db, tenantIds.get(user.memberships[0]!.tenant)!, async (tx) => {
      const id = await insertCredentialUser(tx, { name: user.name, email: user.email, passwordHash, locale: 'ja' });
      if (user.isPlatformAdmin) await tx.update(authUser).set({ isPlatformAdmin: true }).where(eq(authUser.id, id));
      return id;
    });
    userIds.set(user.email, userId);
    for (const membership of user.memberships) {
      const tenantId = tenantIds.get(membership.tenant)!;
      await withTenant(db, tenantId, (tx) => insertMembership(tx, { tenantId, userId, role: membership.role }));
      if (membership.role === 'admin') admins.set(membership.tenant, userId);
      if (membership.tenant === 'aomori') {
        if (membership.role === 'staff') aomoriPeople.staff.push(userId);
        if (membership.role === 'expert') aomoriPeople.experts.push(userId);
        if (membership.role === 'partner') aomoriPeople.partner = userId;
      }
    }
  }

  const companies = createCompanyService(db);
  // The prefecture's DX division keeps no company register in the demo.
  const counts = { aomori: options.aomoriCompanies ?? 200, koriyama: options.koriyamaCompanies ?? 30, pref: 0 };
  for (const demoTenant of demoTenants) {
    if (counts[demoTenant.key] === 0) continue;
    const tenantId = tenantIds.get(demoTenant.key)!;
    const actor: Actor = { userId: admins.get(demoTenant.key)!, tenantId, role: 'admin', locale: 'ja' };
    const inputs = demoCompanies(demoTenant, counts[demoTenant.key], demoTenant.key === 'aomori' ? 20_24 : 20_25);
    const states = inputs.map((input) => {
      const { state, problems } = completeCompanyState(input);
      if (problems.length > 0) throw new Error(`demo company ${input.name} is invalid: ${JSON.stringify(problems)}`);
      return { state };
    });
    const created = await withTenant(db, tenantId, (tx) => companies.insertCompanies(tx, actor, states));
    if (demoTenant.key === 'aomori') {
      await seedDemoDesk(db, tenantId, { ...aomoriPeople, admin: actor.userId }, created.map((company) => company.id));
    }
  }
  await seedDemoPlans(db, { pref: tenantIds.get('pref')!, aomori: tenantIds.get('aomori')! }, userIds, { publicUrl: options.publicUrl });
}
