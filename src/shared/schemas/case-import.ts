import { z } from 'zod';
import { isoDateTime } from './common';
import { importRejection } from './company-import';

/**
 * Moving cases and activities in from Excel and kintone: upload a file, confirm which of its columns
 * fills which field (the mapping step), check it (dry run), then apply exactly what was checked.
 */

export const caseImportKinds = ['cases', 'activities'] as const;
export type CaseImportKind = (typeof caseImportKinds)[number];

export const caseImportFields = [
  'id',
  'externalRef',
  'receiptNumber',
  'openedOn',
  'caseType',
  'status',
  'companyId',
  'companyExternalId',
  'companyCorporateNumber',
  'companyName',
  'title',
  'description',
  'preferredChannel',
  'themes',
  'coordinator',
  'consentTerms',
  'consentSharePartners',
  'closedOn',
  'outcomeSummary',
] as const;
export type CaseImportField = (typeof caseImportFields)[number];

export const activityImportFields = [
  'id',
  'externalRef',
  'caseReceiptNumber',
  'caseExternalRef',
  'occurredAt',
  'channel',
  'minutes',
  'preparationMinutes',
  'travelMinutes',
  'staff',
  'experts',
  'notes',
  'reportable',
  'programme',
] as const;
export type ActivityImportField = (typeof activityImportFields)[number];

export type ImportField = CaseImportField | ActivityImportField;

export const caseImportStatuses = ['awaiting_mapping', 'queued', 'running', 'completed', 'failed'] as const;

export const caseImportQuery = z.strictObject({
  kind: z.enum(caseImportKinds).describe('cases (相談案件) or activities (対応記録)'),
  sheet: z.string().max(100).optional().describe('For a workbook: the sheet to read (the first one when omitted)'),
});

export const caseImportTarget = z
  .object({
    field: z.string().describe('The field a column can fill'),
    label: z.string().describe('Its name in the product (and the header the export writes)'),
    required: z.boolean().describe('Rows cannot be imported without it (for new records at least)'),
    description: z.string(),
  })
  .meta({ id: 'CaseImportTarget' });

/** field → header of the file (null or absent: the field is not imported; existing values stay). */
const mapping = z.record(z.string(), z.string().max(200).nullable());

export const caseImportUpload = z
  .object({
    id: z.uuid(),
    kind: z.enum(caseImportKinds),
    fileName: z.string(),
    encoding: z.string().nullable().describe('Detected text encoding; null for a workbook (XLSX)'),
    sheetNames: z.array(z.string()).describe('The sheets of a workbook; empty for CSV/TSV'),
    sheet: z.string().nullable().describe('The sheet read (workbooks only)'),
    headers: z.array(z.string()).describe("The file's header row"),
    sampleRows: z.array(z.array(z.string())).describe('The first five data rows, as text'),
    suggestedMapping: mapping.describe('A guess from the headers (Japanese, English and kintone names): field → header'),
    targets: z.array(caseImportTarget),
  })
  .meta({ id: 'CaseImportUpload' });
export type CaseImportUpload = z.output<typeof caseImportUpload>;

export const caseImportDryRunInput = z
  .strictObject({
    mapping: mapping.describe('field → header of the file; fields left out are not imported'),
    sheet: z.string().max(100).optional().describe('For a workbook: the sheet to read (the first one when omitted)'),
    options: z
      .strictObject({
        createMissingCompanies: z
          .boolean()
          .default(false)
          .describe('Cases: register a company the register does not know yet (needs the company name column); otherwise such rows are rejected'),
        companyExternalIdSystem: z
          .string()
          .max(50)
          .optional()
          .describe('Cases: the system a plain company external ID belongs to (e.g. kintone); without it a value matches in any system'),
      })
      .default({ createMissingCompanies: false }),
  })
  .meta({ id: 'CaseImportDryRun' });
export type CaseImportDryRunInput = z.output<typeof caseImportDryRunInput>;

export const caseImportJob = z
  .object({
    id: z.uuid(),
    kind: z.enum(caseImportKinds),
    mode: z.enum(['dry_run', 'apply']).describe('dry_run checks every row and changes nothing; apply writes the valid rows'),
    status: z.enum(caseImportStatuses),
    fileName: z.string(),
    encoding: z.string().nullable(),
    sheet: z.string().nullable(),
    mapping: mapping.nullable().describe('The confirmed mapping (field → header)'),
    options: z.object({ createMissingCompanies: z.boolean(), companyExternalIdSystem: z.string().nullable() }).nullable(),
    totalRows: z.int().nullable(),
    processedRows: z.int(),
    created: z.int().describe('Rows that create a record (dry run: would create)'),
    updated: z.int().describe('Rows that change a record'),
    unchanged: z.int().describe('Rows equal to what is stored'),
    rejectedCount: z.int(),
    rejected: z.array(importRejection).describe('Every rejected row with its line and reasons'),
    ignoredColumns: z.array(z.string()).describe('Columns of the file that no field takes'),
    error: z.object({ code: z.string(), message: z.string() }).nullable().describe('Why the whole file could not be read'),
    createdAt: isoDateTime,
    startedAt: isoDateTime.nullable(),
    finishedAt: isoDateTime.nullable(),
    dryRunOf: z.uuid().nullable().describe('For an apply job: the dry run it applies'),
  })
  .meta({ id: 'CaseImportJob' });
export type CaseImportJob = z.output<typeof caseImportJob>;

export const caseExportQuery = z.strictObject({
  encoding: z.enum(['utf8', 'utf-8', 'cp932']).default('utf8').describe('utf8 (with BOM) or cp932 (Shift_JIS for older Excel and kintone)'),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional().describe('Only this fiscal year (cases: of receipt; activities: of the activity)'),
});
export type CaseExportQuery = z.output<typeof caseExportQuery>;
