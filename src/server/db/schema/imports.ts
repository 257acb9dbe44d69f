import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolationPolicy } from './rls';
import { tenant } from './tenancy';

/**
 * A file import (dry run or apply) and its report. The uploaded file is kept so that "import" after
 * a dry run applies exactly the file that was checked; the report lists every rejected row.
 */
export const importJob = pgTable(
  'import_job',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    mode: text('mode').notNull(),
    status: text('status').notNull(),
    fileName: text('file_name').notNull(),
    /**
     * The file as base64 text rather than bytea: PGlite serialises a bytea parameter through an array of
     * one string per byte (hundreds of MB for a 20 MB file); a string parameter costs its own size.
     */
    fileBase64: text('file_base64').notNull(),
    encoding: text('encoding'),
    /** For imports with a column-mapping step (cases, activities): the mapping the user confirmed. */
    mapping: jsonb('mapping'),
    totalRows: integer('total_rows'),
    processedRows: integer('processed_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    rejected: jsonb('rejected').notNull().default([]),
    ignoredColumns: jsonb('ignored_columns').notNull().default([]),
    error: jsonb('error'),
    dryRunOf: uuid('dry_run_of'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Touched after every batch: a running job whose heartbeat stops was interrupted (restart, crash). */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('import_job_created_idx').on(t.tenantId, t.createdAt), tenantIsolationPolicy()],
);
