import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { ImportJob } from '../../../shared/schemas/company-import';
import type { Db } from '../../db/client';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { decodeText } from '../../platform/csv/decode';
import { AppError, notFound } from '../../platform/errors';
import { companyPolicy } from './companies.policy';
import type { CompanyService } from './companies.service';
import { ImportFileError, countRecords, parseRow, processBatch, readLayout, readRecords, type Rejection } from './company-import';
import * as repository from './company-import.repository';
import { presentImportProgress } from './import-progress';
import type { ImportJobRow } from './company-import.repository';

/** Rows per transaction: big enough for bulk inserts, small enough that PGlite serves other requests in between. */
export const IMPORT_BATCH_SIZE = 500;
/**
 * During a long apply, refresh the planner's statistics every so many rows: on the embedded database
 * (no autovacuum) the matching queries would otherwise keep planning for the empty table they saw
 * first and scan ever more rows per batch.
 */
const REFRESH_STATISTICS_EVERY_ROWS = 10_000;

type Mode = 'dry_run' | 'apply';

/**
 * Register imports as jobs: the upload is stored, checked (dry run) or applied in the background in
 * batches, and its progress and report are read by polling. Writes are idempotent upserts, so a job
 * interrupted half-way can simply be run again.
 */
export function createCompanyImportService(db: Db, companies: CompanyService, log: FastifyBaseLogger, afterBulkChange: () => Promise<void> = async () => undefined) {
  const running = new Set<Promise<void>>();

  const present = (row: ImportJobRow, actor: Actor): ImportJob => presentImportProgress(row, actor.locale);

  async function run(principal: Principal, jobId: string): Promise<void> {
    const setup = await withActor(db, principal, async (tx, actor) => {
      const file = await repository.findImportFile(tx, actor.tenantId, jobId);
      const job = await repository.findImportJob(tx, actor.tenantId, jobId);
      if (!file || !job) throw notFound();
      await repository.updateImportJob(tx, actor.tenantId, jobId, { status: 'running', startedAt: new Date() });
      return { file, mode: job.mode as Mode, tenantId: actor.tenantId };
    });
    const save = (changes: Parameters<typeof repository.updateImportJob>[3]) =>
      withActor(db, principal, (tx, actor) => repository.updateImportJob(tx, actor.tenantId, jobId, changes));

    try {
      const decoded = decodeText(setup.file);
      const layout = readLayout(decoded);
      const totalRows = await countRecords(decoded);
      await save({ encoding: decoded.encoding, ignoredColumns: layout.ignored, totalRows });

      const totals = { processedRows: 0, createdCount: 0, updatedCount: 0, unchangedCount: 0, rejectedCount: 0 };
      const rejected: Rejection[] = [];
      const claimed = new Map<string, number>();
      let batch: { line: number; cells: string[] }[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const records = batch;
        batch = [];
        // The permission is checked again for every batch: an import stops when its author loses the right.
        const outcome = await withActor(db, principal, async (tx, actor) => {
          assertCan(companyPolicy.canImport(actor));
          const parsed = records.map((record) => parseRow(layout, record.line, record.cells));
          const valid = parsed.filter((row): row is Exclude<typeof row, Rejection> => !('problems' in row));
          const result = await processBatch(tx, actor, companies, valid, claimed, setup.mode === 'dry_run');
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
        if (setup.mode === 'apply' && Math.floor(totals.processedRows / REFRESH_STATISTICS_EVERY_ROWS) > Math.floor((totals.processedRows - records.length) / REFRESH_STATISTICS_EVERY_ROWS)) {
          await afterBulkChange().catch((error: unknown) => log.warn({ err: error, jobId }, 'statistics refresh during the import failed'));
        }
      };
      for await (const record of readRecords(decoded)) {
        batch.push(record);
        if (batch.length >= IMPORT_BATCH_SIZE) await flush();
      }
      await flush();
      rejected.sort((a, b) => a.line - b.line);
      await save({ ...totals, rejected, status: 'completed', finishedAt: new Date() });
      if (setup.mode === 'apply' && totals.createdCount + totals.updatedCount > 0) {
        await afterBulkChange().catch((error: unknown) => log.warn({ err: error, jobId }, 'statistics refresh after the import failed'));
      }
    } catch (error) {
      const code = error instanceof ImportFileError ? error.code : error instanceof AppError ? error.code : 'INTERNAL';
      if (!(error instanceof ImportFileError)) log.error({ err: error, jobId }, 'import failed');
      await save({ status: 'failed', error: { code }, finishedAt: new Date() }).catch((saveError: unknown) => log.error({ err: saveError, jobId }, 'could not record the failed import'));
    }
  }

  function startInBackground(principal: Principal, jobId: string) {
    const task = run(principal, jobId).finally(() => running.delete(task));
    running.add(task);
  }

  return {
    async start(principal: Principal, upload: { fileName: string; bytes: Buffer; mode: Mode }): Promise<ImportJob> {
      const job = await withActor(db, principal, async (tx, actor) => {
        assertCan(companyPolicy.canImport(actor));
        const id = randomUUID();
        await repository.insertImportJob(tx, {
          tenantId: actor.tenantId,
          id,
          kind: 'companies',
          mode: upload.mode,
          status: 'queued',
          fileName: upload.fileName.slice(0, 200),
          file: upload.bytes,
          createdBy: actor.userId,
        });
        return present((await repository.findImportJob(tx, actor.tenantId, id))!, actor);
      });
      startInBackground(principal, job.id);
      return job;
    },

    /** Applies the very file a completed dry run checked. */
    async applyDryRun(principal: Principal, dryRunId: string): Promise<ImportJob> {
      const job = await withActor(db, principal, async (tx, actor) => {
        assertCan(companyPolicy.canImport(actor));
        const dryRun = await repository.findImportJob(tx, actor.tenantId, dryRunId);
        if (!dryRun || dryRun.createdBy !== actor.userId) throw notFound();
        if (dryRun.mode !== 'dry_run' || dryRun.status !== 'completed') throw new AppError('UNPROCESSABLE', { details: { reason: 'dry_run_not_completed' } });
        const file = (await repository.findImportFile(tx, actor.tenantId, dryRunId))!;
        const id = randomUUID();
        await repository.insertImportJob(tx, {
          tenantId: actor.tenantId,
          id,
          kind: 'companies',
          mode: 'apply',
          status: 'queued',
          fileName: dryRun.fileName,
          file,
          dryRunOf: dryRunId,
          createdBy: actor.userId,
        });
        return present((await repository.findImportJob(tx, actor.tenantId, id))!, actor);
      });
      startInBackground(principal, job.id);
      return job;
    },

    async get(principal: Principal, id: string): Promise<ImportJob> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(companyPolicy.canImport(actor));
        const job = await repository.findImportJob(tx, actor.tenantId, id);
        if (!job || job.createdBy !== actor.userId) throw notFound();
        return present(job, actor);
      });
    },

    /** Waits for the imports running in this process (tests, graceful shutdown). */
    async settle(): Promise<void> {
      await Promise.allSettled([...running]);
    },
  };
}

export type CompanyImportService = ReturnType<typeof createCompanyImportService>;
