import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/client';
import { withTenant } from '../../src/server/platform/tenancy';
import { insertThemes, upsertSettings } from '../../src/server/modules/desk/desk.repository';
import { companyBody } from './factories';

/** The desk's themes for a test tenant: returns their IDs by name. */
export async function createThemes(db: Db, tenantId: string, names = ['業務効率化', '受発注・在庫', 'セキュリティ']): Promise<Record<string, string>> {
  const rows = names.map((name, position) => ({ tenantId, id: randomUUID(), name, position }));
  await withTenant(db, tenantId, (tx) => insertThemes(tx, rows));
  return Object.fromEntries(rows.map((row) => [row.name, row.id]));
}

export async function openPublicIntake(db: Db, tenantId: string, overrides: { notifyAddress?: string } = {}) {
  await withTenant(db, tenantId, (tx) =>
    upsertSettings(tx, { tenantId, intakeEnabled: true, termsText: '利用規約（テスト）', notifyAddress: overrides.notifyAddress ?? null }, null),
  );
}

/** A past instant in Japan, N days ago at 10:00 JST. */
export function daysAgo(days: number, time = '10:00:00'): string {
  const date = new Date(Date.now() + 9 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
  return `${date}T${time}+09:00`;
}

/** A one-screen intake body: a new company, a new contact, optionally a first activity. */
export function intakeBody(overrides: Record<string, unknown> = {}) {
  return {
    company: { create: companyBody() },
    contact: { create: { name: '相談 花子', email: `hanako-${randomUUID().slice(0, 6)}@example.jp`, isPrimary: true } },
    caseType: 'business',
    title: '受発注のFAXをやめたい',
    description: '毎日FAXで受注しており、転記ミスが多い。',
    preferredChannel: 'visit_desk',
    ...overrides,
  };
}

export function activityBody(overrides: Record<string, unknown> = {}) {
  return { occurredAt: daysAgo(0, '00:00:01'), channel: 'visit_desk', minutes: 60, ...overrides };
}
