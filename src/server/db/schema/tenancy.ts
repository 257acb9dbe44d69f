import { sql } from 'drizzle-orm';
import { index, integer, pgPolicy, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { currentTenant, currentUser, tenantIsolationPolicy } from './rls';
import { authUser } from './auth';

/** A support organisation or public body: the unit of isolation. */
export const tenant = pgTable(
  'tenant',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    kind: text('kind').notNull(),
    prefectureCode: text('prefecture_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  () => [
    // A tenant is visible inside its own context, and to its members when they choose a tenant.
    pgPolicy('tenant_visible', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`id = ${currentTenant} OR id IN (SELECT m.tenant_id FROM membership m WHERE m.user_id = ${currentUser})`,
    }),
    // The public pages (consultation intake) find a tenant by its slug before any tenant is chosen; they
    // set app.public_lookup for that one statement's transaction (see public-intake.service.ts).
    pgPolicy('tenant_public_lookup', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`current_setting('app.public_lookup', true) = 'on'`,
    }),
    // Creating a tenant happens inside that tenant's own context (see tenants.service.ts).
    pgPolicy('tenant_insert_own', { as: 'permissive', for: 'insert', to: 'public', withCheck: sql`id = ${currentTenant}` }),
    pgPolicy('tenant_update_own', {
      as: 'permissive',
      for: 'update',
      to: 'public',
      using: sql`id = ${currentTenant}`,
      withCheck: sql`id = ${currentTenant}`,
    }),
  ],
);

/** A person's role in one tenant; a person can belong to several tenants. */
export const membership = pgTable(
  'membership',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    userId: uuid('user_id').notNull().references(() => authUser.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    index('membership_user_idx').on(t.userId),
    tenantIsolationPolicy(),
    // Before a tenant is chosen, a signed-in person may read their own memberships (to list their tenants).
    pgPolicy('membership_own', { as: 'permissive', for: 'select', to: 'public', using: sql`user_id = ${currentUser}` }),
  ],
);

/** An invitation to join a tenant with a role; the token is stored only as a hash. */
export const invitation = pgTable(
  'invitation',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => authUser.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('invitation_token_idx').on(t.tenantId, t.tokenHash),
    tenantIsolationPolicy(),
  ],
);
