import { and, asc, desc, eq, gte, isNotNull, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { ProgrammeListQuery } from '../../../shared/schemas/programme';
import { fiscalYearRange } from '../../../shared/domain/fiscal-year';
import type { Db } from '../../db/client';
import { fundingProgramme } from '../../db/schema';

export type ProgrammeRow = typeof fundingProgramme.$inferSelect;
export type ProgrammeInsert = typeof fundingProgramme.$inferInsert;

export async function listProgrammes(tx: Db, tenantId: string, query: ProgrammeListQuery): Promise<ProgrammeRow[]> {
  const conditions: (SQL | undefined)[] = [eq(fundingProgramme.tenantId, tenantId)];
  if (query.status === 'active') conditions.push(isNull(fundingProgramme.archivedAt));
  if (query.status === 'archived') conditions.push(isNotNull(fundingProgramme.archivedAt));
  if (query.fiscalYear !== undefined) {
    const range = fiscalYearRange(query.fiscalYear);
    conditions.push(lte(fundingProgramme.startsOn, range.end), gte(fundingProgramme.endsOn, range.start));
  }
  return tx
    .select()
    .from(fundingProgramme)
    .where(and(...conditions))
    .orderBy(desc(fundingProgramme.startsOn), asc(fundingProgramme.name), asc(fundingProgramme.id));
}

export async function findProgramme(tx: Db, tenantId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<ProgrammeRow | null> {
  const query = tx
    .select()
    .from(fundingProgramme)
    .where(and(eq(fundingProgramme.tenantId, tenantId), eq(fundingProgramme.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * The tenant's active default programmes whose period overlaps [from, to], earliest first. Default
 * programmes never overlap (the service keeps it so), hence at most one contains a given date.
 */
export async function findDefaultProgrammes(
  tx: Db,
  tenantId: string,
  period: { from: string; to: string },
  excludeId: string | null = null,
): Promise<ProgrammeRow[]> {
  return tx
    .select()
    .from(fundingProgramme)
    .where(
      and(
        eq(fundingProgramme.tenantId, tenantId),
        eq(fundingProgramme.isDefault, true),
        isNull(fundingProgramme.archivedAt),
        lte(fundingProgramme.startsOn, period.to),
        gte(fundingProgramme.endsOn, period.from),
        excludeId ? ne(fundingProgramme.id, excludeId) : undefined,
      ),
    )
    .orderBy(asc(fundingProgramme.startsOn), asc(fundingProgramme.id));
}

/**
 * Serialises changes to a tenant's default programmes until the transaction ends, so two admins cannot
 * each save a default that overlaps the other's (both would pass the overlap check otherwise).
 */
export async function lockDefaultProgrammes(tx: Db, tenantId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`funding_programme.default:${tenantId}`}, 0))`);
}

export async function insertProgramme(tx: Db, row: ProgrammeInsert): Promise<void> {
  await tx.insert(fundingProgramme).values(row);
}

/** Updates when the stored version is still `expectedVersion`; returns the new row, or null when somebody saved first. */
export async function updateProgramme(
  tx: Db,
  tenantId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<ProgrammeInsert>,
): Promise<ProgrammeRow | null> {
  const [row] = await tx
    .update(fundingProgramme)
    .set({ ...changes, version: sql`${fundingProgramme.version} + 1` })
    .where(and(eq(fundingProgramme.tenantId, tenantId), eq(fundingProgramme.id, id), eq(fundingProgramme.version, expectedVersion)))
    .returning();
  return row ?? null;
}
