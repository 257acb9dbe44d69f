import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/client';
import { auditEvent, caseActivity, company, deskCase, deskTheme, followUp, nextAction } from '../../src/server/db/schema';
import { withTenant } from '../../src/server/platform/tenancy';
import { fiscalYearOf } from '../../src/shared/domain/fiscal-year';
import { formatIsoDate, toTokyoDate } from '../../src/shared/domain/tokyo-date';
import type { ActivityChannel, CaseStatus, CaseType } from '../../src/shared/domain/desk';

/**
 * Desk data written straight to the database, as the application role in the tenant's context (the way
 * withTenant does), for tests of the reports: the case API is a separate module. Every write also records an
 * audit event, as the services do, so what depends on the audit trail (the reports' figure cache) sees it.
 */

export interface CompanyFixture {
  name?: string;
  corporateNumber?: string | null;
  entityType?: string;
  jsicMajor?: string | null;
  municipalityCode?: string | null;
  sizeClass?: 'small' | 'sme' | 'large' | 'unknown';
  archived?: boolean;
}

export interface CaseFixture {
  caseType?: CaseType;
  status?: CaseStatus;
  themeIds?: string[];
  /** YYYY-MM-DD; its fiscal year becomes the case's. */
  openedOn?: string;
}

export interface ActivityFixture {
  /** An ISO timestamp with its offset, e.g. 2025-03-31T23:59:00+09:00. */
  at: string;
  channel?: ActivityChannel;
  minutes?: number;
  preparationMinutes?: number;
  travelMinutes?: number;
  reportable?: boolean;
  programmeId?: string | null;
}

/** What the case service stores for an instant: the Tokyo calendar date and its fiscal year. */
export function activityDateOf(at: string): { occurredOn: string; fiscalYear: number } {
  return { occurredOn: formatIsoDate(toTokyoDate(at)), fiscalYear: fiscalYearOf(at) };
}

export function deskFixtures(db: Db, tenantId: string) {
  let serial = 0;
  const write = <T>(entityType: string, entityId: string, work: (tx: Db) => Promise<T>) =>
    withTenant(db, tenantId, async (tx) => {
      const result = await work(tx);
      await tx.insert(auditEvent).values({ tenantId, action: 'fixture.insert', entityType, entityId });
      return result;
    });

  return {
    async company(fixture: CompanyFixture = {}): Promise<string> {
      const id = randomUUID();
      const name = fixture.name ?? `株式会社フィクスチャ${++serial}`;
      await write('company', id, (tx) =>
        tx.insert(company).values({
          tenantId,
          id,
          name,
          entityType: fixture.entityType ?? (fixture.corporateNumber === null ? 'sole_proprietor' : 'corporation'),
          corporateNumber: fixture.corporateNumber ?? null,
          jsicMajor: fixture.jsicMajor ?? null,
          municipalityCode: fixture.municipalityCode ?? null,
          sizeClass: fixture.sizeClass ?? 'unknown',
          searchText: name,
          nameSort: name,
          nameKey: name,
          archivedAt: fixture.archived ? new Date() : null,
        }),
      );
      return id;
    },

    async theme(name: string, position = 0): Promise<string> {
      const id = randomUUID();
      await write('desk_theme', id, (tx) => tx.insert(deskTheme).values({ tenantId, id, name, position }));
      return id;
    },

    async case(companyId: string, fixture: CaseFixture = {}): Promise<string> {
      const id = randomUUID();
      const openedOn = fixture.openedOn ?? '2024-04-01';
      const number = ++serial;
      await write('case', id, (tx) =>
        tx.insert(deskCase).values({
          tenantId,
          id,
          receiptNumber: `T-${String(number).padStart(5, '0')}-${id.slice(0, 4)}`,
          fiscalYear: fiscalYearOf(openedOn),
          caseType: fixture.caseType ?? 'business',
          status: fixture.status ?? 'in_progress',
          companyId,
          title: `相談${number}`,
          themeIds: fixture.themeIds ?? [],
          source: 'staff',
          openedOn,
          searchText: `相談${number}`,
        }),
      );
      return id;
    },

    async activity(caseId: string, fixture: ActivityFixture): Promise<string> {
      const id = randomUUID();
      await write('case', caseId, (tx) =>
        tx.insert(caseActivity).values({
          tenantId,
          id,
          caseId,
          occurredAt: new Date(fixture.at),
          ...activityDateOf(fixture.at),
          channel: fixture.channel ?? 'visit_desk',
          minutes: fixture.minutes ?? 60,
          preparationMinutes: fixture.preparationMinutes ?? 0,
          travelMinutes: fixture.travelMinutes ?? 0,
          reportable: fixture.reportable ?? true,
          programmeId: fixture.programmeId ?? null,
        }),
      );
      return id;
    },

    async nextAction(caseId: string, fixture: { dueOn: string; done?: boolean }): Promise<string> {
      const id = randomUUID();
      await write('case', caseId, (tx) =>
        tx.insert(nextAction).values({ tenantId, id, caseId, title: '次の対応', dueOn: fixture.dueOn, doneAt: fixture.done ? new Date() : null }),
      );
      return id;
    },

    async followUp(caseId: string, fixture: { dueOn: string; status?: 'scheduled' | 'done' | 'skipped' | 'cancelled' }): Promise<string> {
      const id = randomUUID();
      await write('case', caseId, (tx) =>
        tx.insert(followUp).values({ tenantId, id, caseId, monthsAfter: 3, dueOn: fixture.dueOn, status: fixture.status ?? 'scheduled' }),
      );
      return id;
    },
  };
}

export type DeskFixtures = ReturnType<typeof deskFixtures>;
