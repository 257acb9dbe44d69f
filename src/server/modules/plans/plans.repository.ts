import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jsonRows, rowsOf } from '../../db/rows';
import { committeeMeeting, committeeOpinion, indicator, plan, planMilestone, planNode, planReview, tenant } from '../../db/schema';

export type PlanRow = typeof plan.$inferSelect;
export type PlanInsert = typeof plan.$inferInsert;
export type NodeRow = typeof planNode.$inferSelect;
export type NodeInsert = typeof planNode.$inferInsert;
export type MilestoneRow = typeof planMilestone.$inferSelect;
export type ReviewRow = typeof planReview.$inferSelect;
export type MeetingRow = typeof committeeMeeting.$inferSelect;
export type OpinionRow = typeof committeeOpinion.$inferSelect;

/* ----- plans ----- */

export async function listPlans(tx: Db, tenantId: string): Promise<(PlanRow & { nodeCount: number; indicatorCount: number })[]> {
  const rows = await tx
    .select({
      plan,
      nodeCount: sql<number>`(SELECT count(*)::int FROM plan_node n WHERE n.tenant_id = plan.tenant_id AND n.plan_id = plan.id)`,
      indicatorCount: sql<number>`(SELECT count(*)::int FROM indicator i WHERE i.tenant_id = plan.tenant_id AND i.plan_id = plan.id)`,
    })
    .from(plan)
    .where(and(eq(plan.tenantId, tenantId), isNull(plan.archivedAt)))
    .orderBy(desc(plan.startYear), asc(plan.title), asc(plan.id));
  return rows.map((row) => ({ ...row.plan, nodeCount: Number(row.nodeCount), indicatorCount: Number(row.indicatorCount) }));
}

export async function findPlan(tx: Db, tenantId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<PlanRow | null> {
  const query = tx.select().from(plan).where(and(eq(plan.tenantId, tenantId), eq(plan.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Plans where the person owns a node or an indicator (what a partner may read). */
export async function plansOwnedBy(tx: Db, tenantId: string, userId: string): Promise<Set<string>> {
  const rows = await tx.execute(sql`
    SELECT plan_id FROM plan_node WHERE tenant_id = ${tenantId} AND ${userId}::uuid = ANY(owner_ids)
    UNION SELECT plan_id FROM indicator WHERE tenant_id = ${tenantId} AND ${userId}::uuid = ANY(owner_ids)`);
  return new Set(rowsOf<{ plan_id: string }>(rows).map((row) => row.plan_id));
}

export async function insertPlan(tx: Db, row: PlanInsert): Promise<void> {
  await tx.insert(plan).values(row);
}

export async function updatePlan(tx: Db, tenantId: string, id: string, expectedVersion: number, changes: Partial<PlanInsert>): Promise<PlanRow | null> {
  const [row] = await tx
    .update(plan)
    .set({ ...changes, updatedAt: new Date(), version: sql`${plan.version} + 1` })
    .where(and(eq(plan.tenantId, tenantId), eq(plan.id, id), eq(plan.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Marks a plan changed (its figures' cache stamp) when something under it changes. */
export async function touchPlan(tx: Db, tenantId: string, id: string): Promise<void> {
  await tx.update(plan).set({ updatedAt: new Date() }).where(and(eq(plan.tenantId, tenantId), eq(plan.id, id)));
}

/** Public plans of every tenant: runs with app.public_lookup on (policy plan_public_lookup), see public-plans.service. */
export async function listPublicPlans(tx: Db): Promise<(PlanRow & { organisation: string })[]> {
  const rows = await tx
    .select({ plan, organisation: tenant.name })
    .from(plan)
    .innerJoin(tenant, eq(tenant.id, plan.tenantId))
    .where(and(eq(plan.visibility, 'public'), isNull(plan.archivedAt)))
    .orderBy(desc(plan.publishedAt), asc(plan.id));
  return rows.map((row) => ({ ...row.plan, organisation: row.organisation }));
}

export async function findPublicPlan(tx: Db, id: string): Promise<(PlanRow & { organisation: string }) | null> {
  const [row] = await tx
    .select({ plan, organisation: tenant.name })
    .from(plan)
    .innerJoin(tenant, eq(tenant.id, plan.tenantId))
    .where(and(eq(plan.id, id), eq(plan.visibility, 'public'), isNull(plan.archivedAt)));
  return row ? { ...row.plan, organisation: row.organisation } : null;
}

/* ----- nodes ----- */

const NODE_KEYS = Object.keys(getTableColumns(planNode)) as (keyof NodeRow & string)[];

/** A plan's nodes, by depth then position; a plan may have thousands (jsonRows). */
export async function listNodes(tx: Db, tenantId: string, planId: string): Promise<NodeRow[]> {
  return jsonRows(
    tx,
    planNode,
    NODE_KEYS,
    sql`FROM ${planNode} WHERE ${planNode.tenantId} = ${tenantId} AND ${planNode.planId} = ${planId}`,
    sql`r."depth", r."position", r."title", r."id"`,
  );
}

export async function findNode(tx: Db, tenantId: string, id: string): Promise<NodeRow | null> {
  const [row] = await tx.select().from(planNode).where(and(eq(planNode.tenantId, tenantId), eq(planNode.id, id)));
  return row ?? null;
}

/** Serialises changes to one plan's tree (moves and codes are checked against the whole tree). */
export async function lockTree(tx: Db, tenantId: string, planId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`plan_tree:${tenantId}:${planId}`}, 0))`);
}

export async function nextNodePosition(tx: Db, tenantId: string, planId: string, parentId: string | null): Promise<number> {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${planNode.position}) + 1, 0)::int` })
    .from(planNode)
    .where(and(eq(planNode.tenantId, tenantId), eq(planNode.planId, planId), parentId ? eq(planNode.parentId, parentId) : isNull(planNode.parentId)));
  return Number(row?.next ?? 0);
}

export async function insertNodes(tx: Db, rows: NodeInsert[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) await tx.insert(planNode).values(rows.slice(start, start + 500));
}

export async function updateNode(tx: Db, tenantId: string, id: string, expectedVersion: number, changes: Partial<NodeInsert>): Promise<NodeRow | null> {
  const [row] = await tx
    .update(planNode)
    .set({ ...changes, updatedAt: new Date(), version: sql`${planNode.version} + 1` })
    .where(and(eq(planNode.tenantId, tenantId), eq(planNode.id, id), eq(planNode.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** After a move: the depth of every node below the moved one follows its new place. */
export async function setDepths(tx: Db, tenantId: string, depths: { id: string; depth: number }[]): Promise<void> {
  if (depths.length === 0) return;
  await tx.execute(sql`
    UPDATE plan_node n SET depth = d.depth
    FROM jsonb_to_recordset(${JSON.stringify(depths)}::jsonb) AS d(id uuid, depth int)
    WHERE n.tenant_id = ${tenantId} AND n.id = d.id AND n.depth <> d.depth`);
}

export async function deleteNode(tx: Db, tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await tx
    .delete(planNode)
    .where(and(eq(planNode.tenantId, tenantId), eq(planNode.id, id), eq(planNode.version, expectedVersion)))
    .returning({ id: planNode.id });
  return rows.length > 0;
}

export async function indicatorIdsByNode(tx: Db, tenantId: string, planId: string): Promise<Map<string | null, string[]>> {
  const rows = await tx
    .select({ id: indicator.id, nodeId: indicator.nodeId })
    .from(indicator)
    .where(and(eq(indicator.tenantId, tenantId), eq(indicator.planId, planId)))
    .orderBy(asc(indicator.position), asc(indicator.name));
  const byNode = new Map<string | null, string[]>();
  for (const row of rows) byNode.set(row.nodeId, [...(byNode.get(row.nodeId) ?? []), row.id]);
  return byNode;
}

/* ----- milestones ----- */

export async function listMilestones(tx: Db, tenantId: string, nodeIds: string[]): Promise<MilestoneRow[]> {
  if (nodeIds.length === 0) return [];
  return tx
    .select()
    .from(planMilestone)
    .where(and(eq(planMilestone.tenantId, tenantId), inArray(planMilestone.nodeId, nodeIds)))
    .orderBy(asc(planMilestone.position), asc(planMilestone.createdAt), asc(planMilestone.id));
}

export async function listPlanMilestones(tx: Db, tenantId: string, planId: string): Promise<MilestoneRow[]> {
  return tx
    .select()
    .from(planMilestone)
    .where(and(eq(planMilestone.tenantId, tenantId), eq(planMilestone.planId, planId)))
    .orderBy(asc(planMilestone.position), asc(planMilestone.createdAt), asc(planMilestone.id));
}

export async function findMilestone(tx: Db, tenantId: string, id: string): Promise<MilestoneRow | null> {
  const [row] = await tx.select().from(planMilestone).where(and(eq(planMilestone.tenantId, tenantId), eq(planMilestone.id, id)));
  return row ?? null;
}

export async function insertMilestone(tx: Db, row: typeof planMilestone.$inferInsert): Promise<MilestoneRow> {
  const [inserted] = await tx.insert(planMilestone).values(row).returning();
  return inserted!;
}

export async function updateMilestone(
  tx: Db,
  tenantId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof planMilestone.$inferInsert>,
): Promise<MilestoneRow | null> {
  const [row] = await tx
    .update(planMilestone)
    .set({ ...changes, updatedAt: new Date(), version: sql`${planMilestone.version} + 1` })
    .where(and(eq(planMilestone.tenantId, tenantId), eq(planMilestone.id, id), eq(planMilestone.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function deleteMilestone(tx: Db, tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await tx
    .delete(planMilestone)
    .where(and(eq(planMilestone.tenantId, tenantId), eq(planMilestone.id, id), eq(planMilestone.version, expectedVersion)))
    .returning({ id: planMilestone.id });
  return rows.length > 0;
}

/* ----- reviews and committees ----- */

export async function listReviews(tx: Db, tenantId: string, planId: string, filter: { fiscalYear?: number; nodeId?: string; finalOnly?: boolean } = {}): Promise<ReviewRow[]> {
  return tx
    .select()
    .from(planReview)
    .where(
      and(
        eq(planReview.tenantId, tenantId),
        eq(planReview.planId, planId),
        filter.fiscalYear !== undefined ? eq(planReview.fiscalYear, filter.fiscalYear) : undefined,
        filter.nodeId ? eq(planReview.nodeId, filter.nodeId) : undefined,
        filter.finalOnly ? eq(planReview.status, 'final') : undefined,
      ),
    )
    .orderBy(desc(planReview.fiscalYear), asc(planReview.term), asc(planReview.nodeId));
}

export async function findReview(tx: Db, tenantId: string, planId: string, key: { nodeId: string | null; fiscalYear: number; term: string }): Promise<ReviewRow | null> {
  const [row] = await tx
    .select()
    .from(planReview)
    .where(
      and(
        eq(planReview.tenantId, tenantId),
        eq(planReview.planId, planId),
        key.nodeId ? eq(planReview.nodeId, key.nodeId) : isNull(planReview.nodeId),
        eq(planReview.fiscalYear, key.fiscalYear),
        eq(planReview.term, key.term),
      ),
    )
    .for('update');
  return row ?? null;
}

export async function insertReview(tx: Db, row: typeof planReview.$inferInsert): Promise<ReviewRow | null> {
  const [inserted] = await tx.insert(planReview).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function updateReview(tx: Db, tenantId: string, id: string, expectedVersion: number, changes: Partial<typeof planReview.$inferInsert>): Promise<ReviewRow | null> {
  const [row] = await tx
    .update(planReview)
    .set({ ...changes, updatedAt: new Date(), version: sql`${planReview.version} + 1` })
    .where(and(eq(planReview.tenantId, tenantId), eq(planReview.id, id), eq(planReview.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function listMeetings(tx: Db, tenantId: string, planId: string, options: { publicOnly?: boolean } = {}): Promise<MeetingRow[]> {
  return tx
    .select()
    .from(committeeMeeting)
    .where(and(eq(committeeMeeting.tenantId, tenantId), eq(committeeMeeting.planId, planId), options.publicOnly ? eq(committeeMeeting.isPublic, true) : undefined))
    .orderBy(desc(committeeMeeting.heldOn), asc(committeeMeeting.id));
}

export async function findMeeting(tx: Db, tenantId: string, id: string): Promise<MeetingRow | null> {
  const [row] = await tx.select().from(committeeMeeting).where(and(eq(committeeMeeting.tenantId, tenantId), eq(committeeMeeting.id, id)));
  return row ?? null;
}

export async function insertMeeting(tx: Db, row: typeof committeeMeeting.$inferInsert): Promise<MeetingRow> {
  const [inserted] = await tx.insert(committeeMeeting).values(row).returning();
  return inserted!;
}

export async function updateMeeting(
  tx: Db,
  tenantId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof committeeMeeting.$inferInsert>,
): Promise<MeetingRow | null> {
  const [row] = await tx
    .update(committeeMeeting)
    .set({ ...changes, updatedAt: new Date(), version: sql`${committeeMeeting.version} + 1` })
    .where(and(eq(committeeMeeting.tenantId, tenantId), eq(committeeMeeting.id, id), eq(committeeMeeting.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function listOpinions(tx: Db, tenantId: string, meetingIds: string[]): Promise<OpinionRow[]> {
  if (meetingIds.length === 0) return [];
  return tx
    .select()
    .from(committeeOpinion)
    .where(and(eq(committeeOpinion.tenantId, tenantId), inArray(committeeOpinion.meetingId, meetingIds)))
    .orderBy(asc(committeeOpinion.position), asc(committeeOpinion.createdAt));
}

export async function findOpinion(tx: Db, tenantId: string, id: string): Promise<OpinionRow | null> {
  const [row] = await tx.select().from(committeeOpinion).where(and(eq(committeeOpinion.tenantId, tenantId), eq(committeeOpinion.id, id)));
  return row ?? null;
}

export async function insertOpinion(tx: Db, row: typeof committeeOpinion.$inferInsert): Promise<OpinionRow> {
  const [inserted] = await tx.insert(committeeOpinion).values(row).returning();
  return inserted!;
}

export async function updateOpinion(
  tx: Db,
  tenantId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof committeeOpinion.$inferInsert>,
): Promise<OpinionRow | null> {
  const [row] = await tx
    .update(committeeOpinion)
    .set({ ...changes, updatedAt: new Date(), version: sql`${committeeOpinion.version} + 1` })
    .where(and(eq(committeeOpinion.tenantId, tenantId), eq(committeeOpinion.id, id), eq(committeeOpinion.version, expectedVersion)))
    .returning();
  return row ?? null;
}
