import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolationPolicy } from './rls';
import { tenant } from './tenancy';

/**
 * Who changed what, when, with the state before and after. Written in the same transaction as the
 * change; the application role may insert and read but never update or delete (see the grants migration).
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_event_entity_idx').on(t.tenantId, t.entityType, t.entityId, t.id),
    index('audit_event_time_idx').on(t.tenantId, t.occurredAt),
    tenantIsolationPolicy(),
  ],
);
