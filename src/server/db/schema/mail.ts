import { sql } from 'drizzle-orm';
import { index, integer, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { currentTenant } from './rls';
import { tenant } from './tenancy';

/**
 * The mail outbox. Mail is written in the transaction that causes it and delivered after commit
 * (SMTP when configured). Without SMTP it stays here and admins read it in the UI. Mail that belongs
 * to no tenant (a password reset) has no tenant_id and is visible to the admins of the tenants the
 * recipient belongs to.
 */
export const mailMessage = pgTable(
  'mail_message',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').references(() => tenant.id),
    recipientUserId: uuid('recipient_user_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    template: text('template').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_message_tenant_idx').on(t.tenantId, t.createdAt),
    index('mail_message_status_idx').on(t.status, t.createdAt),
    pgPolicy('mail_visible', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`tenant_id = ${currentTenant} OR (tenant_id IS NULL AND recipient_user_id IN (SELECT m.user_id FROM membership m WHERE m.tenant_id = ${currentTenant}))`,
    }),
    pgPolicy('mail_insert', { as: 'permissive', for: 'insert', to: 'public', withCheck: sql`tenant_id IS NULL OR tenant_id = ${currentTenant}` }),
    // Delivery runs in the platform context (see mail.delivery.ts), which sets app.mail_delivery.
    pgPolicy('mail_deliver', {
      as: 'permissive',
      for: 'all',
      to: 'public',
      using: sql`current_setting('app.mail_delivery', true) = 'on'`,
      withCheck: sql`current_setting('app.mail_delivery', true) = 'on'`,
    }),
  ],
);
