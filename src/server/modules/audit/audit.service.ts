import type { z } from 'zod';
import type { auditPage, auditQuery } from '../../../shared/schemas/audit';
import type { Db } from '../../db/client';
import { withActor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import * as repository from './audit.repository';

/** The audit trail of a tenant, newest first; admins only. */
export function createAuditService(db: Db) {
  return {
    async list(principal: Principal, query: z.output<typeof auditQuery>): Promise<z.output<typeof auditPage>> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(actor.role === 'admin');
        const rows = await repository.listAuditEvents(tx, actor.tenantId, { ...query, beforeId: query.cursor });
        const page = rows.slice(0, query.limit);
        return {
          items: page.map(({ event, actorName }) => ({
            id: event.id,
            occurredAt: event.occurredAt.toISOString(),
            actor: event.actorUserId ? { id: event.actorUserId, name: actorName ?? '' } : null,
            action: event.action,
            entityType: event.entityType,
            entityId: event.entityId,
            before: event.before,
            after: event.after,
          })),
          nextCursor: rows.length > query.limit ? (page[page.length - 1]?.event.id ?? null) : null,
        };
      });
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
