CREATE TABLE "committee_meeting" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "committee_meeting_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "committee_meeting" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "committee_opinion" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"node_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"speaker" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "committee_opinion_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "committee_opinion" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "composite_method" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"method_version" integer NOT NULL,
	"effective_from_year" integer NOT NULL,
	"normalisation" text NOT NULL,
	"cap_at" numeric,
	"missing" text DEFAULT 'renormalise' NOT NULL,
	"components" jsonb NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "composite_method_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "composite_method" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "indicator" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"node_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"name_en" text,
	"unit" text DEFAULT '' NOT NULL,
	"direction" text DEFAULT 'higher' NOT NULL,
	"kind" text DEFAULT 'manual' NOT NULL,
	"periodicity" text DEFAULT 'year' NOT NULL,
	"year_aggregation" text DEFAULT 'sum' NOT NULL,
	"decimals" integer DEFAULT 0 NOT NULL,
	"min_value" numeric,
	"max_value" numeric,
	"baseline_value" numeric,
	"baseline_year" integer,
	"method" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"metric_key" text,
	"metric_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"weight" numeric DEFAULT 1 NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indicator_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "indicator" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "indicator_evidence" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"update_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_base64" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by" uuid,
	CONSTRAINT "indicator_evidence_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "indicator_evidence" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "indicator_period" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"half" smallint,
	"target" numeric,
	"actual" numeric,
	"actual_update_id" uuid,
	"approved_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"locked_by" uuid,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indicator_period_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "indicator_period_key" UNIQUE NULLS NOT DISTINCT("tenant_id","indicator_id","fiscal_year","half")
);
--> statement-breakpoint
ALTER TABLE "indicator_period" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "indicator_target_revision" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"target" numeric,
	"reason" text DEFAULT '' NOT NULL,
	"revised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revised_by" uuid,
	CONSTRAINT "indicator_target_revision_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "indicator_target_revision" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "indicator_update" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" numeric,
	"narrative" text DEFAULT '' NOT NULL,
	"computation" jsonb,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indicator_update_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "indicator_update" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"title_en" text,
	"description" text DEFAULT '' NOT NULL,
	"edition" text DEFAULT '' NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"level_names" text[] NOT NULL,
	"level_names_en" text[] DEFAULT '{}'::text[] NOT NULL,
	"rollup_method" text DEFAULT 'average' NOT NULL,
	"statuses" jsonb NOT NULL,
	"grades" jsonb NOT NULL,
	"visibility" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"reviewer_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"first_half_due" text DEFAULT '10-31' NOT NULL,
	"year_due" text DEFAULT '05-31' NOT NULL,
	"reminder_days" integer DEFAULT 14 NOT NULL,
	"external_id" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "plan" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_milestone" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"title" text NOT NULL,
	"planned_year" integer,
	"achieved_on" date,
	"note" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_milestone_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "plan_milestone" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_node" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"depth" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"code" text,
	"level_name" text,
	"title" text NOT NULL,
	"title_en" text,
	"description" text DEFAULT '' NOT NULL,
	"division" text,
	"owner_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status_key" text,
	"progress" numeric,
	"weight" numeric DEFAULT 1 NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_node_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "plan_node" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_review" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"node_id" uuid,
	"fiscal_year" integer NOT NULL,
	"term" text NOT NULL,
	"grade_key" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reviewed_by" uuid,
	"finalised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_review_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plan_review_key" UNIQUE NULLS NOT DISTINCT("tenant_id","plan_id","node_id","fiscal_year","term")
);
--> statement-breakpoint
ALTER TABLE "plan_review" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "committee_meeting" ADD CONSTRAINT "committee_meeting_tenant_id_plan_id_plan_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plan"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_opinion" ADD CONSTRAINT "committee_opinion_tenant_id_meeting_id_committee_meeting_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."committee_meeting"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "composite_method" ADD CONSTRAINT "composite_method_tenant_id_indicator_id_indicator_tenant_id_id_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."indicator"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_tenant_id_plan_id_plan_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plan"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_tenant_id_node_id_plan_node_tenant_id_id_fk" FOREIGN KEY ("tenant_id","node_id") REFERENCES "public"."plan_node"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_evidence" ADD CONSTRAINT "indicator_evidence_tenant_id_update_id_indicator_update_tenant_id_id_fk" FOREIGN KEY ("tenant_id","update_id") REFERENCES "public"."indicator_update"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_period" ADD CONSTRAINT "indicator_period_tenant_id_indicator_id_indicator_tenant_id_id_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."indicator"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_target_revision" ADD CONSTRAINT "indicator_target_revision_tenant_id_period_id_indicator_period_tenant_id_id_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."indicator_period"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_update" ADD CONSTRAINT "indicator_update_tenant_id_period_id_indicator_period_tenant_id_id_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."indicator_period"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_milestone" ADD CONSTRAINT "plan_milestone_tenant_id_node_id_plan_node_tenant_id_id_fk" FOREIGN KEY ("tenant_id","node_id") REFERENCES "public"."plan_node"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_node" ADD CONSTRAINT "plan_node_tenant_id_plan_id_plan_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plan"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_node" ADD CONSTRAINT "plan_node_tenant_id_parent_id_plan_node_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."plan_node"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_review" ADD CONSTRAINT "plan_review_tenant_id_plan_id_plan_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plan"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_review" ADD CONSTRAINT "plan_review_tenant_id_node_id_plan_node_tenant_id_id_fk" FOREIGN KEY ("tenant_id","node_id") REFERENCES "public"."plan_node"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_meeting_plan_idx" ON "committee_meeting" USING btree ("tenant_id","plan_id","held_on");--> statement-breakpoint
CREATE INDEX "committee_opinion_meeting_idx" ON "committee_opinion" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE INDEX "committee_opinion_nodes_idx" ON "committee_opinion" USING gin ("node_ids");--> statement-breakpoint
CREATE UNIQUE INDEX "composite_method_version_idx" ON "composite_method" USING btree ("tenant_id","indicator_id","method_version");--> statement-breakpoint
CREATE INDEX "indicator_plan_idx" ON "indicator" USING btree ("tenant_id","plan_id","node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_external_id_idx" ON "indicator" USING btree ("tenant_id","plan_id","external_id");--> statement-breakpoint
CREATE INDEX "indicator_evidence_update_idx" ON "indicator_evidence" USING btree ("tenant_id","update_id");--> statement-breakpoint
CREATE INDEX "indicator_target_revision_period_idx" ON "indicator_target_revision" USING btree ("tenant_id","period_id","revised_at");--> statement-breakpoint
CREATE INDEX "indicator_update_period_idx" ON "indicator_update" USING btree ("tenant_id","period_id","created_at");--> statement-breakpoint
CREATE INDEX "indicator_update_status_idx" ON "indicator_update" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_external_id_idx" ON "plan" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "plan_milestone_node_idx" ON "plan_milestone" USING btree ("tenant_id","node_id");--> statement-breakpoint
CREATE INDEX "plan_milestone_plan_idx" ON "plan_milestone" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_node_plan_idx" ON "plan_node" USING btree ("tenant_id","plan_id","parent_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_node_external_id_idx" ON "plan_node" USING btree ("tenant_id","plan_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_node_code_idx" ON "plan_node" USING btree ("tenant_id","plan_id","code");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "committee_meeting" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "committee_opinion" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "composite_method" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "indicator" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "indicator_evidence" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "indicator_period" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "indicator_target_revision" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "indicator_update" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "plan" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "plan_public_lookup" ON "plan" AS PERMISSIVE FOR SELECT TO public USING (visibility = 'public' AND current_setting('app.public_lookup', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "plan_milestone" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "plan_node" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "plan_review" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());