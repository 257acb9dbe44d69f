import { z } from 'zod';
import { caseStatuses } from '../domain/desk';
import { programme } from './programme';

/**
 * The commission report (委託事業 実績報告) and the desk dashboard. Figures follow the programme's counting
 * rules (ADR 0014); exports are described in ADR 0015.
 */

const queryBoolean = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

const fiscalYear = z.coerce.number().int().min(2000).max(2100);

export const commissionReportQuery = z
  .strictObject({
    programmeId: z.uuid().optional().describe('The programme to report; without it, the default programme of `fiscalYear`'),
    fiscalYear: fiscalYear.optional().describe('年度 (西暦 of its April), used when programmeId is omitted'),
    publication: queryBoolean.describe('true: figures for publication, with small cells suppressed as 「*」'),
  })
  .refine((query) => query.programmeId !== undefined || query.fiscalYear !== undefined, { path: ['programmeId'], message: 'required' });
export type CommissionReportQuery = z.output<typeof commissionReportQuery>;

export const reportCsvEncodings = ['utf8', 'utf-8', 'cp932'] as const;

export const commissionCsvQuery = z
  .strictObject({
    programmeId: z.uuid().optional(),
    fiscalYear: fiscalYear.optional(),
    publication: queryBoolean,
    encoding: z.enum(reportCsvEncodings).default('utf8').describe('utf8 (with BOM) or cp932 (Shift_JIS for older Excel)'),
  })
  .refine((query) => query.programmeId !== undefined || query.fiscalYear !== undefined, { path: ['programmeId'], message: 'required' });
export type CommissionCsvQuery = z.output<typeof commissionCsvQuery>;

export const dashboardQuery = z.strictObject({
  fiscalYear: fiscalYear.optional().describe('年度; default: the current one in Japan'),
});

/** A count, or 「*」 where a publication suppresses it. */
const figure = z.union([z.number(), z.literal('*')]);

export const reportCell = z
  .object({
    supports: figure.describe('延べ件数: counted activities'),
    companies: figure.describe('実事業者数: distinct companies'),
    minutes: figure.describe('Session minutes of the counted activities'),
  })
  .meta({ id: 'ReportCell' });
export type ReportCell = z.output<typeof reportCell>;

export const reportPeriod = z
  .object({
    key: z.string().describe('2025-04 for a month, 2025-Q1 for a fiscal quarter'),
    label: z.string().describe('4月, 第1四半期'),
  })
  .meta({ id: 'ReportPeriod' });

export const reportDimensions = ['channel', 'caseType', 'newOrContinuing', 'jsicMajor', 'municipality', 'sizeClass', 'theme'] as const;
export type ReportDimensionKey = (typeof reportDimensions)[number];

export const crossTab = z
  .object({
    dimension: z.enum(reportDimensions),
    title: z.string(),
    multiAnswer: z.boolean().describe('複数回答: an activity counts under each of its codes, so rows do not add up to the total'),
    rows: z.array(
      z.object({
        code: z.string().describe("The code ('unknown' when the register or the case has none)"),
        label: z.string(),
        months: z.array(reportCell).describe('Aligned with the report’s months'),
        quarters: z.array(reportCell).describe('Aligned with the report’s quarters'),
        total: reportCell,
      }),
    ),
    total: z
      .object({ months: z.array(reportCell), quarters: z.array(reportCell), total: reportCell })
      .describe('All counted activities (never suppressed)'),
  })
  .meta({ id: 'ReportCrossTab' });
export type CrossTab = z.output<typeof crossTab>;

export const progress = z
  .object({
    target: z.int().nullable(),
    actual: z.int(),
    achievedPercent: z.number().nullable().describe('actual / target × 100, one decimal'),
    expectedToDate: z.number().nullable().describe('target × months of the period begun so far / months of the period (the pace to be on track)'),
  })
  .meta({ id: 'ReportProgress' });

export const commissionReport = z
  .object({
    programme,
    fiscalYear: z.int(),
    fiscalYearLabel: z.string().describe('2025年度（令和7年度）'),
    period: z.object({ from: z.string(), to: z.string() }),
    asOf: z.string().describe('The date in Japan the figures were computed'),
    publication: z.boolean(),
    totals: z.object({
      supports: z.int(),
      companies: z.int(),
      newCompanies: z.int(),
      continuingCompanies: z.int(),
      newSupports: z.int(),
      continuingSupports: z.int(),
      minutes: z.int(),
      hours: z.number().describe('minutes / 60, one decimal'),
      preparationMinutes: z.int().describe('Preparation and travel minutes of the counted activities'),
      preparationHours: z.number(),
    }),
    progress: z.object({
      supports: progress,
      companies: progress,
      monthsElapsed: z.int(),
      months: z.int(),
    }),
    months: z.array(reportPeriod),
    quarters: z.array(reportPeriod.extend({ months: z.array(z.string()).describe('Keys of its months in the period') })),
    byMonth: z.array(reportPeriod.extend({ supports: z.int(), companies: z.int(), minutes: z.int(), preparationMinutes: z.int() })),
    crossTabs: z.array(crossTab),
    notes: z.array(z.string()),
  })
  .meta({ id: 'CommissionReport' });
export type CommissionReport = z.output<typeof commissionReport>;

export const dashboard = z
  .object({
    fiscalYear: z.int(),
    fiscalYearLabel: z.string(),
    asOf: z.string(),
    programme: z
      .object({ id: z.uuid(), name: z.string(), startsOn: z.string(), endsOn: z.string() })
      .nullable()
      .describe('The default programme of the fiscal year; null when none is set (no counting figures then)'),
    supports: progress.nullable(),
    companies: progress.nullable(),
    newCompanies: z.int().nullable(),
    continuingCompanies: z.int().nullable(),
    monthly: z.array(reportPeriod.extend({ supports: z.int(), companies: z.int() })),
    casesByStatus: z.array(z.object({ status: z.enum(caseStatuses), label: z.string(), count: z.int() })).describe('Cases received in the fiscal year'),
    openCases: z.int().describe('Cases still being worked, whenever received'),
    overdueNextActions: z.int().describe('Open next actions due before today'),
    followUpsDue: z.int().describe('Scheduled follow-ups due within 14 days (or overdue)'),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.output<typeof dashboard>;
