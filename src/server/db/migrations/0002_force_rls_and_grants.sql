-- FORCE makes row-level security apply to the tables' owner too; with the application running as
-- tsumugi_app (not a superuser, no BYPASSRLS) no query can read across tenants by omission.
-- Every tenant table added later gets the same line in its migration (a test checks the catalogue).
ALTER TABLE "tenant" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "membership" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "invitation" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_event" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "mail_message" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "company" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "company_contact" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "company_external_id" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "import_job" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tsumugi_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tsumugi_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tsumugi_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tsumugi_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tsumugi_app;
--> statement-breakpoint
-- The audit trail is append-only for the application.
REVOKE UPDATE, DELETE ON "audit_event" FROM tsumugi_app;
