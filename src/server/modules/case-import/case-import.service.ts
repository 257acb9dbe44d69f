import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { CaseImportDryRunInput, CaseImportJob, CaseImportKind, CaseImportUpload } from '../../../shared/schemas/case-import';
import type { Db } from '../../db/client';
import { presentImportProgress } from '../companies/import-progress';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { AppError, notFound } from '../../platform/errors';
import type { CompanyService } from '../companies/companies.service';
import { keyFields, suggestMapping, targetsOf } from './case-columns';
import {
  layoutOf,
  loadLookups,
  newFileState,
  processActivityBatch,
  processCaseBatch,
  readActivityRow,
  readCaseRow,
  refreshSearchTexts,
  type ActivityRowInput,
  type CaseRowInput,
  type ImportOptions,
  type Rejection,
} from './case-import';
import { caseImportPolicy } from './case-import.policy';
import * as repository from './case-import.repository';
import type { CaseImportJobRow } from './case-import.repository';
import { cellText, openTable, TableFileError, type Table, type TableRecord } from './table-reader';

/** Rows per transaction, as the register import: bulk statements pay off, and PGlite serves others in between. */
export const CASE_IMPORT_BATCH_SIZE = 500;
/** On the embedded database (no autovacuum) refresh the planner's statistics now and then during a long apply. */
const REFRESH_STATISTICS_EVERY_ROWS = 10_000;
const SAMPLE_ROWS = 5;

/** What the job keeps of the mapping step: the mapping, the sheet and the options (import_job.mapping). */
interface StoredMapping {
  fields: Record<string, string | null>;
  sheet: string | null;
  options: ImportOptions;
}

/**
 * Case and activity imports as jobs: upload (the file is stored and its columns shown with a suggested
 * mapping), dry run with the confirmed mapping (every row checked, nothing written), apply (the same
 * file and mapping, written in batches). Writes are idempotent upserts: an interrupted job can be rerun.
 */
export function createCaseImportService(db: Db, companies: CompanyService, log: FastifyBaseLogger, afterBulkChange: () => Promise<void> = async () => undefined) {
  const running = new Set<Promise<void>>();

  function present(row: CaseImportJobRow, actor: Actor): CaseImportJob {
    const stored = row.mapping as StoredMapping | null;
    return {
      ...presentImportProgress(row, actor.locale),
      kind: row.kind as CaseImportKind,
      sheet: stored?.sheet ?? null,
      mapping: stored?.fields ?? null,
      options: stored ? { createMissingCompanies: stored.options.createMissingCompanies, companyExternalIdSystem: stored.options.companyExternalIdSystem } : null,
    };
  }

  /** A table that cannot be read is the caller's problem (422 with the reason), not a server error. */
  async function openOrRefuse(bytes: Buffer, sheet: string | null | undefined): Promise<Table> {
    try {
      return await openTable(bytes, sheet);
    } catch (error) {
      if (error instanceof TableFileError) {
        if (error.code === 'SHEET_NOT_FOUND') throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'sheet', code: 'invalid_choice' }] });
        throw new AppError('UNPROCESSABLE', { details: { reason: error.code } });
      }
      throw error;
    }
  }

  async function ownJob(tx: Db, actor: Actor, id: string): Promise<CaseImportJobRow> {
    assertCan(caseImportPolicy.canImport(actor));
    const job = await repository.findJob(tx, actor.tenantId, id);
    if (!job || job.createdBy !== actor.userId) throw notFound();
    return job;
  }

  async function run(principal: Principal, jobId: string): Promise<void> {
    const setup = await withActor(db, principal, async (tx, actor) => {
      const job = await repository.findJob(tx, actor.tenantId, jobId);
      const file = await repository.findJobFile(tx, actor.tenantId, jobId);
      if (!job || !file) throw notFound();
      await repository.updateJob(tx, actor.tenantId, jobId, { status: 'running', startedAt: new Date() });
      // Themes, members and programmes are few and rarely change during an import: read them once.
      const lookups = await loadLookups(tx, actor.tenantId);
      return { file, kind: job.kind as CaseImportKind, dryRun: job.mode === 'dry_run', mapping: job.mapping as StoredMapping, lookups };
    });
    const save = (changes: Parameters<typeof repository.updateJob>[3]) =>
      withActor(db, principal, (tx, actor) => repository.updateJob(tx, actor.tenantId, jobId, changes));

    try {
      const table = await openTable(setup.file, setup.mapping.sheet);
      const { layout, unknownHeaders, ignored } = layoutOf(setup.kind, table.headers, setup.mapping.fields);
      if (unknownHeaders.length > 0) throw new TableFileError('MAPPING_UNKNOWN_HEADER', unknownHeaders.join(', '));
      let totalRows = 0;
      for await (const _record of table.records()) totalRows++;
      await save({ encoding: table.encoding, ignoredColumns: ignored, totalRows });

      const totals = { processedRows: 0, createdCount: 0, updatedCount: 0, unchangedCount: 0, rejectedCount: 0 };
      const rejected: Rejection[] = [];
      const file = newFileState();
      let batch: TableRecord[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const records = batch;
        batch = [];
        // The permission is checked again for every batch: an import stops when its author loses the right.
        const outcome = await withActor(db, principal, async (tx, actor) => {
          assertCan(caseImportPolicy.canImport(actor));
          const { lookups } = setup;
          const parsed =
            setup.kind === 'cases'
              ? records.map((record) => readCaseRow(layout, lookups, setup.mapping.options, record.line, record.cells))
              : records.map((record) => readActivityRow(layout, lookups, record.line, record.cells));
          const valid = parsed.filter((row) => !('problems' in row));
          const result =
            setup.kind === 'cases'
              ? await processCaseBatch(tx, actor, companies, valid as CaseRowInput[], file, setup.mapping.options, setup.dryRun)
              : await processActivityBatch(tx, actor, valid as ActivityRowInput[], file, setup.dryRun);
          result.rejections.push(...parsed.filter((row): row is Rejection => 'problems' in row));
          return result;
        });
        rejected.push(...outcome.rejections);
        totals.processedRows += records.length;
        totals.createdCount += outcome.created;
        totals.updatedCount += outcome.updated;
        totals.unchangedCount += outcome.unchanged;
        totals.rejectedCount += outcome.rejections.length;
        await save({ ...totals });
        const crossed = Math.floor(totals.processedRows / REFRESH_STATISTICS_EVERY_ROWS) > Math.floor((totals.processedRows - records.length) / REFRESH_STATISTICS_EVERY_ROWS);
        if (!setup.dryRun && crossed) await afterBulkChange().catch((error: unknown) => log.warn({ err: error, jobId }, 'statistics refresh during the import failed'));
      };
      for await (const record of table.records()) {
        batch.push(record);
        if (batch.length >= CASE_IMPORT_BATCH_SIZE) await flush();
      }
      await flush();
      const touched = [...file.touchedCases];
      for (let start = 0; start < touched.length; start += CASE_IMPORT_BATCH_SIZE) {
        await withActor(db, principal, (tx, actor) => refreshSearchTexts(tx, actor, touched.slice(start, start + CASE_IMPORT_BATCH_SIZE), true));
      }
      rejected.sort((a, b) => a.line - b.line);
      await save({ ...totals, rejected, status: 'completed', finishedAt: new Date() });
      if (!setup.dryRun && totals.createdCount + totals.updatedCount > 0) {
        await afterBulkChange().catch((error: unknown) => log.warn({ err: error, jobId }, 'statistics refresh after the import failed'));
      }
    } catch (error) {
      const code = error instanceof TableFileError ? error.code : error instanceof AppError ? error.code : 'INTERNAL';
      if (!(error instanceof TableFileError)) log.error({ err: error, jobId }, 'case import failed');
      await save({ status: 'failed', error: { code }, finishedAt: new Date() }).catch((saveError: unknown) => log.error({ err: saveError, jobId }, 'could not record the failed import'));
    }
  }

  function startInBackground(principal: Principal, jobId: string) {
    const task = run(principal, jobId).finally(() => running.delete(task));
    running.add(task);
  }

  return {
    /** Stores the file and answers what the mapping step shows: its columns, the first rows and a suggested mapping. */
    async upload(principal: Principal, upload: { kind: CaseImportKind; fileName: string; bytes: Buffer; sheet?: string }): Promise<CaseImportUpload> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(caseImportPolicy.canImport(actor));
        const table = await openOrRefuse(upload.bytes, upload.sheet);
        const sampleRows = (await table.sample(SAMPLE_ROWS)).map((record) => table.headers.map((_header, index) => cellText(record.cells[index] ?? null)));
        const id = randomUUID();
        const fileName = upload.fileName.slice(0, 200);
        await repository.insertJob(tx, {
          tenantId: actor.tenantId,
          id,
          kind: upload.kind,
          mode: 'dry_run',
          status: 'awaiting_mapping',
          fileName,
          file: upload.bytes,
          encoding: table.encoding,
          createdBy: actor.userId,
        });
        return {
          id,
          kind: upload.kind,
          fileName,
          encoding: table.encoding,
          sheetNames: table.sheetNames,
          sheet: table.sheet,
          headers: table.headers,
          sampleRows,
          suggestedMapping: suggestMapping(upload.kind, table.headers),
          targets: targetsOf(upload.kind).map(({ field, label, required, description }) => ({ field, label, required, description })),
        };
      });
    },

    /** Checks every row with the confirmed mapping, in the background; writes nothing. Can be repeated with another mapping. */
    async dryRun(principal: Principal, id: string, input: CaseImportDryRunInput): Promise<CaseImportJob> {
      const job = await withActor(db, principal, async (tx, actor) => {
        const current = await ownJob(tx, actor, id);
        if (current.mode !== 'dry_run') throw new AppError('UNPROCESSABLE', { details: { reason: 'not_a_dry_run' } });
        if (current.status === 'queued' || current.status === 'running') throw new AppError('UNPROCESSABLE', { details: { reason: 'running' } });
        const kind = current.kind as CaseImportKind;
        const known = new Set<string>(targetsOf(kind).map((target) => target.field));
        const fields = Object.fromEntries(Object.entries(input.mapping).filter(([, header]) => header !== null && header !== ''));
        const unknownFields = Object.keys(fields).filter((field) => !known.has(field));
        if (unknownFields.length > 0) throw new AppError('VALIDATION_FAILED', { fields: unknownFields.map((field) => ({ path: `mapping.${field}`, code: 'unknown_field' })) });
        const table = await openOrRefuse((await repository.findJobFile(tx, actor.tenantId, id))!, input.sheet);
        const { unknownHeaders, ignored } = layoutOf(kind, table.headers, fields);
        if (unknownHeaders.length > 0) {
          throw new AppError('VALIDATION_FAILED', {
            fields: Object.entries(fields).flatMap(([field, header]) => (unknownHeaders.includes(header!) ? [{ path: `mapping.${field}`, code: 'invalid_choice' }] : [])),
          });
        }
        if (!keyFields[kind].some((field) => field in fields)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'mapping', code: 'required' }] });
        const stored: StoredMapping = {
          fields,
          sheet: table.sheet,
          options: { createMissingCompanies: input.options.createMissingCompanies, companyExternalIdSystem: input.options.companyExternalIdSystem ?? null },
        };
        await repository.updateJob(tx, actor.tenantId, id, {
          mapping: stored,
          status: 'queued',
          encoding: table.encoding,
          ignoredColumns: ignored,
          totalRows: null,
          processedRows: 0,
          createdCount: 0,
          updatedCount: 0,
          unchangedCount: 0,
          rejectedCount: 0,
          rejected: [],
          error: null,
          startedAt: null,
          finishedAt: null,
        });
        return present((await repository.findJob(tx, actor.tenantId, id))!, actor);
      });
      startInBackground(principal, job.id);
      return job;
    },

    /** Applies exactly the file and mapping a completed dry run checked, as a new job. */
    async apply(principal: Principal, dryRunId: string): Promise<CaseImportJob> {
      const job = await withActor(db, principal, async (tx, actor) => {
        const dryRun = await ownJob(tx, actor, dryRunId);
        if (dryRun.mode !== 'dry_run' || dryRun.status !== 'completed') throw new AppError('UNPROCESSABLE', { details: { reason: 'dry_run_not_completed' } });
        const id = randomUUID();
        await repository.insertJob(tx, {
          tenantId: actor.tenantId,
          id,
          kind: dryRun.kind,
          mode: 'apply',
          status: 'queued',
          fileName: dryRun.fileName,
          file: (await repository.findJobFile(tx, actor.tenantId, dryRunId))!,
          encoding: dryRun.encoding,
          mapping: dryRun.mapping,
          ignoredColumns: dryRun.ignoredColumns,
          dryRunOf: dryRunId,
          createdBy: actor.userId,
        });
        return present((await repository.findJob(tx, actor.tenantId, id))!, actor);
      });
      startInBackground(principal, job.id);
      return job;
    },

    async get(principal: Principal, id: string): Promise<CaseImportJob> {
      return withActor(db, principal, async (tx, actor) => present(await ownJob(tx, actor, id), actor));
    },

    /** Waits for the imports running in this process (tests, graceful shutdown). */
    async settle(): Promise<void> {
      await Promise.allSettled([...running]);
    },
  };
}

export type CaseImportService = ReturnType<typeof createCaseImportService>;
