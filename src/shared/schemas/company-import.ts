import { z } from 'zod';
import { isoDateTime } from './common';
import { companyListQuery } from './company';

export const importStatuses = ['queued', 'running', 'completed', 'failed'] as const;
export const importModes = ['dry_run', 'apply'] as const;

export const importRejection = z
  .object({
    line: z.int().describe('Line number in the file (the header is line 1)'),
    reasons: z.array(z.object({ column: z.string().nullable(), code: z.string(), message: z.string() })),
  })
  .meta({ id: 'ImportRejection' });

export const importJob = z
  .object({
    id: z.uuid(),
    mode: z.enum(importModes).describe('dry_run checks every row and changes nothing; apply writes the valid rows'),
    status: z.enum(importStatuses),
    fileName: z.string(),
    encoding: z.string().nullable().describe('Detected: UTF-8, UTF-8 (BOM), Shift_JIS (CP932), UTF-16LE…'),
    totalRows: z.int().nullable(),
    processedRows: z.int(),
    created: z.int().describe('Rows that create a company (dry run: would create)'),
    updated: z.int(),
    unchanged: z.int(),
    rejectedCount: z.int(),
    rejected: z.array(importRejection).describe('Every rejected row with its line and reasons'),
    ignoredColumns: z.array(z.string()).describe('Columns of the file that are not part of the register'),
    error: z.object({ code: z.string(), message: z.string() }).nullable().describe('Why the whole file could not be read'),
    createdAt: isoDateTime,
    startedAt: isoDateTime.nullable(),
    finishedAt: isoDateTime.nullable(),
    dryRunOf: z.uuid().nullable().describe('For an apply job started from a dry run: that dry run'),
  })
  .meta({ id: 'CompanyImportJob' });
export type ImportJob = z.output<typeof importJob>;

export const exportQuery = companyListQuery
  .omit({ cursor: true, limit: true, sort: true })
  .extend({ encoding: z.enum(['utf-8', 'cp932']).default('utf-8').describe('utf-8 (with BOM) or cp932 (Shift_JIS for older Excel and kintone)') });
