import { and, eq, getTableColumns } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { importJob } from '../../db/schema';

const { fileBase64: _fileBase64, ...jobColumns } = getTableColumns(importJob);
export type ImportJobRow = Omit<typeof importJob.$inferSelect, 'fileBase64'>;

export async function insertImportJob(tx: Db, row: Omit<typeof importJob.$inferInsert, 'fileBase64'> & { file: Buffer }): Promise<void> {
  const { file, ...columns } = row;
  await tx.insert(importJob).values({ ...columns, fileBase64: file.toString('base64') });
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
    .select({ fileBase64: importJob.fileBase64 })
    .from(importJob)
    .where(and(eq(importJob.tenantId, tenantId), eq(importJob.id, id)));
  return row ? Buffer.from(row.fileBase64, 'base64') : null;
}

export async function updateImportJob(tx: Db, tenantId: string, id: string, changes: Partial<typeof importJob.$inferInsert>): Promise<void> {
  await tx
    .update(importJob)
    .set({ ...changes, heartbeatAt: new Date() })
    .where(and(eq(importJob.tenantId, tenantId), eq(importJob.id, id)));
}
