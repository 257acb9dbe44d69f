-- Platform prerequisites that drizzle-kit cannot express.
-- pg_trgm indexes Japanese substrings (needs a UTF-8 ctype; checked at start, see db/preflight.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- The role every application query runs as: no superuser, no BYPASSRLS, so row-level security applies.
-- Roles are cluster-wide; several databases on one server share it, and two of them may migrate at once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tsumugi_app') THEN
    CREATE ROLE tsumugi_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
-- The connecting (owner) role must be able to SET ROLE tsumugi_app.
DO $$
BEGIN
  EXECUTE format('GRANT tsumugi_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
-- The tenant and the person of the current transaction, set by withTenant()/withUser() through
-- set_config(..., true). Unset means NULL, and NULL matches no row.
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_current_user() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
