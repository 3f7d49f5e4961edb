CREATE TABLE "inspection_checklist_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area" text NOT NULL,
	"number" integer NOT NULL,
	"items" jsonb NOT NULL,
	"shipped" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "inspection_finding_files" (
	"finding_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"template_id" uuid,
	"item_key" text NOT NULL,
	"area" text NOT NULL,
	"result" text,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"document_id" uuid,
	"team_decision_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"finding_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"due_date" date NOT NULL,
	"remediation" text DEFAULT '' NOT NULL,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_rule_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"valid_from" date NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "inspection_rule_versions_valid_from_unique" UNIQUE("valid_from")
);
--> statement-breakpoint
CREATE TABLE "inspection_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid,
	"inspection_id" uuid,
	"user_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid,
	"province_id" uuid NOT NULL,
	"kind" text DEFAULT 'planned' NOT NULL,
	"previous_id" uuid,
	"unit_id" uuid NOT NULL,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"form" text DEFAULT 'on_site' NOT NULL,
	"planned_from" date NOT NULL,
	"planned_to" date NOT NULL,
	"source" text,
	"source_ref" text,
	"reason" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"cancel_reason" text,
	"conducted_on" date,
	"minutes_document_id" uuid,
	"conclusion_document_id" uuid,
	"conclusion_draft" text DEFAULT '' NOT NULL,
	"concluded_on" date,
	"rule_version_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspector_unit_id" uuid NOT NULL,
	"inspected_unit_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"form" text DEFAULT 'on_site' NOT NULL,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"document_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_checklist_area_number_idx" ON "inspection_checklist_templates" USING btree ("area","number");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_finding_files_pk" ON "inspection_finding_files" USING btree ("finding_id","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_findings_item_idx" ON "inspection_findings" USING btree ("inspection_id","area","item_key");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_plans_province_year_idx" ON "inspection_plans" USING btree ("province_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_recommendations_number_idx" ON "inspection_recommendations" USING btree ("inspection_id","number");--> statement-breakpoint
CREATE INDEX "inspection_recommendations_unit_idx" ON "inspection_recommendations" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_team_plan_user_idx" ON "inspection_team_members" USING btree ("plan_id","user_id") WHERE "inspection_team_members"."plan_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_team_inspection_user_idx" ON "inspection_team_members" USING btree ("inspection_id","user_id") WHERE "inspection_team_members"."inspection_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "inspections_plan_idx" ON "inspections" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "inspections_unit_idx" ON "inspections" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "inspections_status_idx" ON "inspections" USING btree ("status");--> statement-breakpoint
CREATE INDEX "self_inspections_inspector_idx" ON "self_inspections" USING btree ("inspector_unit_id","inspected_on");--> statement-breakpoint
CREATE INDEX "self_inspections_inspected_idx" ON "self_inspections" USING btree ("inspected_unit_id");--> statement-breakpoint
-- inspections_constraints: foreign keys and checks.
ALTER TABLE inspection_plans ADD CONSTRAINT inspection_plans_province_id_fk FOREIGN KEY (province_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE inspection_plans ADD CONSTRAINT inspection_plans_document_id_fk FOREIGN KEY (document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE inspection_plans ADD CONSTRAINT inspection_plans_team_decision_id_fk FOREIGN KEY (team_decision_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE inspection_plans ADD CONSTRAINT inspection_plans_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE inspection_plans ADD CONSTRAINT inspection_plans_status_ck CHECK (status IN ('draft', 'approved'));--> statement-breakpoint
ALTER TABLE inspection_plans ADD CONSTRAINT inspection_plans_year_ck CHECK (year BETWEEN 2000 AND 2200);--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_plan_id_fk FOREIGN KEY (plan_id) REFERENCES inspection_plans(id);--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_province_id_fk FOREIGN KEY (province_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_previous_id_fk FOREIGN KEY (previous_id) REFERENCES inspections(id);--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_unit_id_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_minutes_document_id_fk FOREIGN KEY (minutes_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_conclusion_document_id_fk FOREIGN KEY (conclusion_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_rule_version_id_fk FOREIGN KEY (rule_version_id) REFERENCES inspection_rule_versions(id);--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_kind_ck CHECK (kind IN ('planned', 'surprise', 're_inspection'));--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_form_ck CHECK (form IN ('on_site', 'through_reports', 'combined'));--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_status_ck CHECK (status IN ('planned', 'in_progress', 'minutes_signed', 'concluded', 'cancelled'));--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_source_ck CHECK (source IS NULL OR source IN ('hand', 'hotline', 'signal'));--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_dates_ck CHECK (planned_from <= planned_to);--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_planned_ck CHECK (kind <> 'planned' OR plan_id IS NOT NULL);--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_reinspection_ck CHECK (kind <> 're_inspection' OR previous_id IS NOT NULL);--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_cancelled_ck CHECK (status <> 'cancelled' OR cancel_reason IS NOT NULL);--> statement-breakpoint
ALTER TABLE inspection_team_members ADD CONSTRAINT inspection_team_members_plan_id_fk FOREIGN KEY (plan_id) REFERENCES inspection_plans(id);--> statement-breakpoint
ALTER TABLE inspection_team_members ADD CONSTRAINT inspection_team_members_inspection_id_fk FOREIGN KEY (inspection_id) REFERENCES inspections(id);--> statement-breakpoint
ALTER TABLE inspection_team_members ADD CONSTRAINT inspection_team_members_user_id_fk FOREIGN KEY (user_id) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE inspection_team_members ADD CONSTRAINT inspection_team_members_unit_id_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE inspection_team_members ADD CONSTRAINT inspection_team_members_owner_ck CHECK ((plan_id IS NULL) <> (inspection_id IS NULL));--> statement-breakpoint
ALTER TABLE inspection_team_members ADD CONSTRAINT inspection_team_members_role_ck CHECK (role IN ('head', 'member'));--> statement-breakpoint
ALTER TABLE inspection_checklist_templates ADD CONSTRAINT inspection_checklist_templates_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE inspection_findings ADD CONSTRAINT inspection_findings_inspection_id_fk FOREIGN KEY (inspection_id) REFERENCES inspections(id);--> statement-breakpoint
ALTER TABLE inspection_findings ADD CONSTRAINT inspection_findings_template_id_fk FOREIGN KEY (template_id) REFERENCES inspection_checklist_templates(id);--> statement-breakpoint
ALTER TABLE inspection_findings ADD CONSTRAINT inspection_findings_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE inspection_findings ADD CONSTRAINT inspection_findings_result_ck CHECK (result IS NULL OR result IN ('compliant', 'shortcoming', 'violation', 'not_applicable'));--> statement-breakpoint
ALTER TABLE inspection_finding_files ADD CONSTRAINT inspection_finding_files_finding_fk FOREIGN KEY (finding_id) REFERENCES inspection_findings(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE inspection_finding_files ADD CONSTRAINT inspection_finding_files_file_fk FOREIGN KEY (file_id) REFERENCES files(id);--> statement-breakpoint
ALTER TABLE inspection_recommendations ADD CONSTRAINT inspection_recommendations_inspection_id_fk FOREIGN KEY (inspection_id) REFERENCES inspections(id);--> statement-breakpoint
ALTER TABLE inspection_recommendations ADD CONSTRAINT inspection_recommendations_unit_id_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE inspection_recommendations ADD CONSTRAINT inspection_recommendations_status_ck CHECK (status IN ('not_started', 'in_progress', 'reported_done', 'returned', 'verified'));--> statement-breakpoint
ALTER TABLE inspection_recommendations ADD CONSTRAINT inspection_recommendations_number_ck CHECK (number >= 1);--> statement-breakpoint
ALTER TABLE self_inspections ADD CONSTRAINT self_inspections_inspector_unit_id_fk FOREIGN KEY (inspector_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE self_inspections ADD CONSTRAINT self_inspections_inspected_unit_id_fk FOREIGN KEY (inspected_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE self_inspections ADD CONSTRAINT self_inspections_document_id_fk FOREIGN KEY (document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE self_inspections ADD CONSTRAINT self_inspections_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE self_inspections ADD CONSTRAINT self_inspections_form_ck CHECK (form IN ('on_site', 'through_reports', 'combined'));--> statement-breakpoint
ALTER TABLE self_inspections ADD CONSTRAINT self_inspections_not_self_ck CHECK (inspector_unit_id <> inspected_unit_id);--> statement-breakpoint
ALTER TABLE inspection_rule_versions ADD CONSTRAINT inspection_rule_versions_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);
