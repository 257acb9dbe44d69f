import { caseStatuses, openCaseStatuses, type CaseStatus } from '../../../shared/domain/desk';
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange } from '../../../shared/domain/fiscal-year';
import { formatIsoDate, todayInJapan } from '../../../shared/domain/tokyo-date';
import type { CommissionCsvQuery, CommissionReport, CommissionReportQuery, Dashboard } from '../../../shared/schemas/report';
import type { Db } from '../../db/client';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { AppError, notFound } from '../../platform/errors';
import { translator } from '../../platform/i18n';
import * as programmes from '../programmes/programmes.repository';
import type { ProgrammeRow } from '../programmes/programmes.repository';
import { buildCommissionReport } from './commission-report';
import { countingRuleOf } from './counting';
import { createFigureCache } from '../../platform/figure-cache';
import { commissionCsv } from './report-csv';
import { monthsBegun, reportCalendar } from './report-periods';
import { reportText } from './report-text';
import { commissionWorkbook } from './report-xlsx';
import * as repository from './reports.repository';
import { reportPolicy } from './reports.policy';

const FOLLOW_UP_HORIZON_DAYS = 14;
const round1 = (value: number) => Math.round(value * 10) / 10;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The default programme of a fiscal year: among the tenant's active defaults overlapping the year (they never
 * overlap each other), the one in force on the reference day (today, kept inside the year), else the last one
 * begun by then, else the first.
 */
async function findDefaultProgramme(tx: Db, tenantId: string, fiscalYear: number, today: string): Promise<ProgrammeRow | null> {
  const range = fiscalYearRange(fiscalYear);
  const reference = today < range.start ? range.start : today > range.end ? range.end : today;
  const candidates = await programmes.findDefaultProgrammes(tx, tenantId, { from: range.start, to: range.end });
  return (
    candidates.find((candidate) => candidate.startsOn <= reference && reference <= candidate.endsOn) ??
    candidates.filter((candidate) => candidate.startsOn <= reference).at(-1) ??
    candidates[0] ??
    null
  );
}

/** File names of an export: Japanese (filename*) and an ASCII fallback. */
function exportFileNames(report: CommissionReport, extension: string) {
  const name = report.programme.name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
  const stamp = report.asOf.replace(/-/g, '');
  return {
    fileName: `実績報告_${report.fiscalYear}年度_${name}_${stamp}.${extension}`,
    asciiFileName: `commission-report_${report.fiscalYear}_${stamp}.${extension}`,
  };
}

/** The commission report (実績報告), its exports and the desk dashboard: aggregates for admins, staff and viewers. */
export function createReportService(db: Db, options: { now?: () => Date } = {}) {
  const cache = createFigureCache({ maxEntries: 200, ttlMs: 10 * 60_000 });
  const today = () => formatIsoDate(todayInJapan(options.now?.() ?? new Date()));

  async function resolveProgramme(tx: Db, actor: Actor, query: { programmeId?: string; fiscalYear?: number }, day: string): Promise<ProgrammeRow> {
    if (query.programmeId) {
      const row = await programmes.findProgramme(tx, actor.tenantId, query.programmeId);
      if (!row) throw notFound();
      return row;
    }
    const fiscalYear = query.fiscalYear!;
    const row = await findDefaultProgramme(tx, actor.tenantId, fiscalYear, day);
    if (!row) throw new AppError('NO_DEFAULT_PROGRAMME', { details: { fiscalYear } });
    return row;
  }

  /** The report in the actor's language (exports: always Japanese), from cached figures while the data is unchanged. */
  async function commissionReport(principal: Principal, query: CommissionReportQuery, locale?: 'ja'): Promise<CommissionReport> {
    const day = today();
    return withActor(db, principal, async (tx, actor) => {
      assertCan(reportPolicy.canRead(actor));
      const programme = await resolveProgramme(tx, actor, query, day);
      await repository.preferSerialPlans(tx);
      const stamp = await repository.findDataStamp(tx, actor.tenantId);
      const figures = await cache.getOrCompute(`commission|${actor.tenantId}|${programme.id}|${programme.version}|${stamp}`, () =>
        repository.findCommissionFigures(tx, actor.tenantId, countingRuleOf(programme)),
      );
      const themes = await repository.listThemes(tx, actor.tenantId);
      return buildCommissionReport({ programme, actor, locale: locale ?? actor.locale, figures, themes, today: day, publication: query.publication });
    });
  }

  return {
    commission: (principal: Principal, query: CommissionReportQuery) => commissionReport(principal, query),

    async commissionXlsx(principal: Principal, query: CommissionReportQuery) {
      const report = await commissionReport(principal, query, 'ja');
      return { ...exportFileNames(report, 'xlsx'), bytes: await commissionWorkbook(report) };
    },

    async commissionCsv(principal: Principal, query: CommissionCsvQuery) {
      const report = await commissionReport(principal, query, 'ja');
      return { ...exportFileNames(report, 'csv'), bytes: commissionCsv(report, query.encoding === 'cp932' ? 'cp932' : 'utf8') };
    },

    /**
     * The desk's figures for the year: counting figures under the year's default programme up to today, cases
     * by status, overdue next actions and follow-ups due. Cached per state of the tenant's data and day.
     */
    async dashboard(principal: Principal, query: { fiscalYear?: number }): Promise<Dashboard> {
      const day = today();
      const fiscalYear = query.fiscalYear ?? fiscalYearOf(day);
      const range = fiscalYearRange(fiscalYear);
      return withActor(db, principal, async (tx, actor) => {
        assertCan(reportPolicy.canRead(actor));
        const programme = await findDefaultProgramme(tx, actor.tenantId, fiscalYear, day);
        await repository.preferSerialPlans(tx);
        const stamp = await repository.findDataStamp(tx, actor.tenantId);
        const rule = programme ? countingRuleOf(programme, { from: range.start, to: day < range.end ? day : range.end }) : null;
        const key = `dashboard|${actor.tenantId}|${fiscalYear}|${day}|${programme?.id ?? '-'}|${programme?.version ?? 0}|${stamp}`;
        const { kpi, workload } = await cache.getOrCompute(key, async () => ({
          kpi: rule ? await repository.findKpiFigures(tx, actor.tenantId, rule) : [],
          workload: await repository.findDeskWorkload(tx, actor.tenantId, {
            fiscalYear,
            today: day,
            followUpHorizon: addDays(day, FOLLOW_UP_HORIZON_DAYS),
          }),
        }));

        const words = reportText(actor.locale);
        const t = translator(actor.locale, 'desk');
        const totals = kpi.find((row) => row.monthKey === null);
        const programmeMonths = programme ? reportCalendar(programme.startsOn, programme.endsOn).months : [];
        const elapsed = monthsBegun(programmeMonths, day);
        const progressOf = (target: number | null, actual: number) => ({
          target,
          actual,
          achievedPercent: target ? round1((actual / target) * 100) : null,
          expectedToDate: target === null || programmeMonths.length === 0 ? null : round1((target * elapsed) / programmeMonths.length),
        });
        // The months of the year under the programme, future ones included (they show as zero).
        const seriesEnd = programme && programme.endsOn < range.end ? programme.endsOn : range.end;
        const seriesMonths = rule && rule.from <= seriesEnd ? reportCalendar(rule.from, seriesEnd).months : [];
        return {
          fiscalYear,
          fiscalYearLabel: fiscalYearLabel(fiscalYear, actor.locale),
          asOf: day,
          programme: programme ? { id: programme.id, name: programme.name, startsOn: programme.startsOn, endsOn: programme.endsOn } : null,
          supports: programme ? progressOf(programme.supportTarget, totals?.supports ?? 0) : null,
          companies: programme ? progressOf(programme.companyTarget, totals?.companies ?? 0) : null,
          newCompanies: programme ? (totals?.newCompanies ?? 0) : null,
          continuingCompanies: programme ? (totals?.companies ?? 0) - (totals?.newCompanies ?? 0) : null,
          monthly: seriesMonths.map((month) => {
            const row = kpi.find((candidate) => candidate.monthKey === month.number);
            return { key: month.key, label: words.month(month.year, month.month, false), supports: row?.supports ?? 0, companies: row?.companies ?? 0 };
          }),
          casesByStatus: caseStatuses.map((status: CaseStatus) => ({ status, label: t(`caseStatus.${status}`), count: workload.casesByStatus.get(status) ?? 0 })),
          openCases: openCaseStatuses.reduce((sum, status) => sum + (workload.allCasesByStatus.get(status) ?? 0), 0),
          overdueNextActions: workload.overdueNextActions,
          followUpsDue: workload.followUpsDue,
        };
      });
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
