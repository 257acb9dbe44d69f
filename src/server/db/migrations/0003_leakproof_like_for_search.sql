-- Under row-level security PostgreSQL evaluates a query's own conditions after the policy, and may use
-- one as an index condition only when its operator is LEAKPROOF. `LIKE` (textlike) is not marked so,
-- which keeps the pg_trgm index on company.search_text out of every search made as tsumugi_app (each
-- search would read all of a tenant's rows). textlike raises no error that reveals row data (only a
-- malformed pattern, which is ours), so we mark it LEAKPROOF. That needs a superuser: when the owner is
-- not one, searches stay correct but scan the tenant; a DBA can run this statement once (see README).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.textlike(text, text) LEAKPROOF;
  ELSE
    RAISE NOTICE 'Not a superuser: run "ALTER FUNCTION pg_catalog.textlike(text, text) LEAKPROOF;" as one so that Japanese search can use its index under row-level security.';
  END IF;
END
$$;
