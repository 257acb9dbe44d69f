import { auditEvent } from '../../db/schema';
import { insertJsonRecords } from '../../db/bulk-insert';
import type { Db } from '../../db/client';
import type { Actor } from '../auth/actor';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Records a change in the transaction that makes it (pass the transaction's `tx`), so the change and
 * its record commit or roll back together. `before`/`after` are the presented states (no secrets).
 */
export async function recordAudit(tx: Db, actor: Actor, change: AuditChange): Promise<void> {
  await recordAudits(tx, actor, [change]);
}

/** Several changes of one actor in one statement (imports write hundreds per batch). */
export async function recordAudits(tx: Db, actor: Actor, changes: AuditChange[]): Promise<void> {
  await insertJsonRecords(
    tx,
    auditEvent,
    changes.map((change) => ({
      tenantId: actor.tenantId,
      // The public intake form acts without a signed-in person: no actor.
      actorUserId: actor.userId || null,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: change.before ?? null,
      after: change.after ?? null,
      requestId: actor.requestId ?? null,
    })),
  );
}
