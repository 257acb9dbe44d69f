-- The plans module's tables get the same FORCE as every tenant table (see 0002); grants come from the default privileges.
ALTER TABLE "committee_meeting" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "committee_opinion" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "composite_method" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "indicator" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "indicator_evidence" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "indicator_period" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "indicator_target_revision" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "indicator_update" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "plan" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "plan_milestone" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "plan_node" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "plan_review" FORCE ROW LEVEL SECURITY;
