import { and, eq, getTableColumns } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { importJob } from '../../db/schema';

const { fileData: _fileData, ...jobColumns } = getTableColumns(importJob);
export type ImportJobRow = Omit<typeof importJob.$inferSelect, 'fileData'>;

export async function insertImportJob(tx: Db, row: typeof importJob.$inferInsert): Promise<void> {
  await tx.insert(importJob).values(row);
}

/** A job without its file (the report is what people read; the file can be megabytes). */
export async function findImportJob(tx: Db, tenantId: string, id: string): Promise<ImportJobRow | null> {
  const [row] = await tx
    .select(jobColumns)
    .from(importJob)
    .where(and(eq(importJob.tenantId, tenantId), eq(importJob.id, id)));
  return row ?? null;
}

export async function findImportFile(tx: Db, tenantId: string, id: string): Promise<Buffer | null> {
  const [row] = await tx
    .select({ fileData: importJob.fileData })
    .from(importJob)
    .where(and(eq(importJob.tenantId, tenantId), eq(importJob.id, id)));
  return row?.fileData ?? null;
}

export async function updateImportJob(tx: Db, tenantId: string, id: string, changes: Partial<typeof importJob.$inferInsert>): Promise<void> {
  await tx
    .update(importJob)
    .set({ ...changes, heartbeatAt: new Date() })
    .where(and(eq(importJob.tenantId, tenantId), eq(importJob.id, id)));
}
