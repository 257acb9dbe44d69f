import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvent, authUser } from '../../db/schema';

export async function listAuditEvents(
  tx: Db,
  tenantId: string,
  filter: { entityType?: string; entityId?: string; action?: string; beforeId?: number; limit: number },
) {
  return tx
    .select({ event: auditEvent, actorName: authUser.name })
    .from(auditEvent)
    .leftJoin(authUser, eq(authUser.id, auditEvent.actorUserId))
    .where(
      and(
        eq(auditEvent.tenantId, tenantId),
        filter.entityType ? eq(auditEvent.entityType, filter.entityType) : undefined,
        filter.entityId ? eq(auditEvent.entityId, filter.entityId) : undefined,
        filter.action ? eq(auditEvent.action, filter.action) : undefined,
        filter.beforeId ? lt(auditEvent.id, filter.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditEvent.id))
    .limit(filter.limit + 1);
}
