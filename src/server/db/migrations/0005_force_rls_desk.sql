-- The desk's tables get the same FORCE as every tenant table (see 0002); grants come from the default privileges.
ALTER TABLE "case_activity" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_attachment" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "desk_case" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "desk_case_participant" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "desk_settings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "desk_theme" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "follow_up" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "funding_programme" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "next_action" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "pain_point" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "receipt_sequence" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "saved_case_view" FORCE ROW LEVEL SECURITY;
