CREATE TABLE "case_activity" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"occurred_on" date NOT NULL,
	"fiscal_year" integer NOT NULL,
	"channel" text NOT NULL,
	"minutes" integer NOT NULL,
	"preparation_minutes" integer DEFAULT 0 NOT NULL,
	"travel_minutes" integer DEFAULT 0 NOT NULL,
	"staff_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"expert_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"notes" text,
	"reportable" boolean DEFAULT true NOT NULL,
	"programme_id" uuid,
	"external_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "case_activity_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_activity" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_attachment" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"activity_id" uuid,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_base64" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by" uuid,
	CONSTRAINT "case_attachment_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_attachment" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "desk_case" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"receipt_number" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"case_type" text NOT NULL,
	"status" text NOT NULL,
	"company_id" uuid NOT NULL,
	"contact_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"preferred_channel" text,
	"theme_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinator_id" uuid,
	"source" text NOT NULL,
	"consent_terms" boolean DEFAULT false NOT NULL,
	"consent_share_partners" boolean DEFAULT false NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"outcome_summary" text,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"external_ref" text,
	"public_submission_id" uuid,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "desk_case_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "desk_case" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "desk_case_participant" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"role_label" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" uuid,
	CONSTRAINT "desk_case_participant_tenant_id_case_id_user_id_pk" PRIMARY KEY("tenant_id","case_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "desk_case_participant" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "desk_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"intake_enabled" boolean DEFAULT false NOT NULL,
	"terms_text" text DEFAULT '' NOT NULL,
	"notify_address" text,
	"follow_up_months" integer[] DEFAULT '{3,6,12}'::integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "desk_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "desk_theme" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "desk_theme_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "desk_theme" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "follow_up" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"months_after" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"recorded_on" date,
	"tool_adopted" boolean,
	"tool_name" text,
	"process_digitised" boolean,
	"subsidy_applied" boolean,
	"subsidy_adopted" boolean,
	"dx_certified" boolean,
	"hours_saved_per_month" numeric(7, 1),
	"sales_change" text,
	"sales_change_percent" numeric(6, 1),
	"notes" text,
	"recorded_by" uuid,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "follow_up_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "follow_up" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "funding_programme" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"commissioner" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"support_target" integer,
	"company_target" integer,
	"counted_channels" text[] NOT NULL,
	"counted_case_types" text[] NOT NULL,
	"minimum_minutes" integer DEFAULT 0 NOT NULL,
	"minutes_basis" text DEFAULT 'session' NOT NULL,
	"company_identity" text DEFAULT 'corporate_number' NOT NULL,
	"suppression_threshold" integer DEFAULT 3 NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "funding_programme_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "funding_programme" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "next_action" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"assignee_id" uuid,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "next_action_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "next_action" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pain_point" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"process" text NOT NULL,
	"sufferer" text,
	"hours_lost_per_month" numeric(7, 1),
	"severity" text NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "pain_point_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "pain_point" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "receipt_sequence" (
	"tenant_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "receipt_sequence_tenant_id_fiscal_year_pk" PRIMARY KEY("tenant_id","fiscal_year")
);
--> statement-breakpoint
ALTER TABLE "receipt_sequence" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "saved_case_view" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_case_view_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "saved_case_view" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_activity" ADD CONSTRAINT "case_activity_tenant_id_case_id_desk_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."desk_case"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachment" ADD CONSTRAINT "case_attachment_tenant_id_case_id_desk_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."desk_case"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case" ADD CONSTRAINT "desk_case_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case" ADD CONSTRAINT "desk_case_tenant_id_company_id_company_tenant_id_id_fk" FOREIGN KEY ("tenant_id","company_id") REFERENCES "public"."company"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case_participant" ADD CONSTRAINT "desk_case_participant_tenant_id_case_id_desk_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."desk_case"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_settings" ADD CONSTRAINT "desk_settings_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_theme" ADD CONSTRAINT "desk_theme_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_tenant_id_case_id_desk_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."desk_case"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_programme" ADD CONSTRAINT "funding_programme_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "next_action" ADD CONSTRAINT "next_action_tenant_id_case_id_desk_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."desk_case"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pain_point" ADD CONSTRAINT "pain_point_tenant_id_case_id_desk_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."desk_case"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_activity_case_idx" ON "case_activity" USING btree ("tenant_id","case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "case_activity_programme_idx" ON "case_activity" USING btree ("tenant_id","programme_id","occurred_on");--> statement-breakpoint
CREATE INDEX "case_activity_occurred_on_idx" ON "case_activity" USING btree ("tenant_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "case_activity_external_ref_idx" ON "case_activity" USING btree ("tenant_id","external_ref");--> statement-breakpoint
CREATE INDEX "case_attachment_case_idx" ON "case_attachment" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_case_receipt_idx" ON "desk_case" USING btree ("tenant_id","receipt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_case_external_ref_idx" ON "desk_case" USING btree ("tenant_id","external_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_case_public_submission_idx" ON "desk_case" USING btree ("tenant_id","public_submission_id");--> statement-breakpoint
CREATE INDEX "desk_case_updated_idx" ON "desk_case" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "desk_case_status_idx" ON "desk_case" USING btree ("tenant_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "desk_case_coordinator_idx" ON "desk_case" USING btree ("tenant_id","coordinator_id","status");--> statement-breakpoint
CREATE INDEX "desk_case_company_idx" ON "desk_case" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE INDEX "desk_case_search_trgm_idx" ON "desk_case" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "desk_case_participant_user_idx" ON "desk_case_participant" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_theme_name_idx" ON "desk_theme" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "follow_up_case_idx" ON "follow_up" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "follow_up_due_idx" ON "follow_up" USING btree ("tenant_id","status","due_on");--> statement-breakpoint
CREATE INDEX "funding_programme_period_idx" ON "funding_programme" USING btree ("tenant_id","starts_on");--> statement-breakpoint
CREATE INDEX "next_action_case_idx" ON "next_action" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "next_action_open_due_idx" ON "next_action" USING btree ("tenant_id","due_on") WHERE "next_action"."done_at" IS NULL;--> statement-breakpoint
CREATE INDEX "pain_point_case_idx" ON "pain_point" USING btree ("tenant_id","case_id","position");--> statement-breakpoint
CREATE INDEX "saved_case_view_user_idx" ON "saved_case_view" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE POLICY "tenant_public_lookup" ON "tenant" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.public_lookup', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "case_activity" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "case_attachment" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "desk_case" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "desk_case_participant" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "desk_settings" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "desk_theme" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "follow_up" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "funding_programme" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "next_action" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "pain_point" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "receipt_sequence" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "saved_case_view" AS PERMISSIVE FOR ALL TO public USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());