CREATE TABLE "par_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_group" text NOT NULL,
	"framework_id" uuid NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"locked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"stage" text DEFAULT 'preparing' NOT NULL,
	"framework_ids" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"self_deadline" date NOT NULL,
	"appraisal1_deadline" date NOT NULL,
	"explanation_deadline" date NOT NULL,
	"appraisal2_deadline" date NOT NULL,
	"remediation_below" double precision DEFAULT 70 NOT NULL,
	"document_id" uuid,
	"result_document_id" uuid,
	"signed_off_at" timestamp with time zone,
	"signed_off_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"field_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"file_id" uuid,
	"sha256" text,
	"link_kind" text,
	"link_id" uuid,
	"url" text,
	"label" text DEFAULT '' NOT NULL,
	"number" integer DEFAULT 1 NOT NULL,
	"replaces_id" uuid,
	"replaced_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" uuid
);
--> statement-breakpoint
CREATE TABLE "par_frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"unit_group" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"tree" jsonb NOT NULL,
	"grade_bands" jsonb NOT NULL,
	"rescale_without_survey" boolean DEFAULT false NOT NULL,
	"based_on_id" uuid,
	"document_id" uuid,
	"legal_basis" text DEFAULT '' NOT NULL,
	"shipped" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_group" text NOT NULL,
	"points" double precision NOT NULL,
	"max_points" double precision NOT NULL,
	"percent" double precision NOT NULL,
	"by_field" jsonb NOT NULL,
	"grade" text NOT NULL,
	"rank" integer NOT NULL,
	"rank_of" integer NOT NULL,
	"previous_percent" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"self_points" double precision,
	"self_note" text DEFAULT '' NOT NULL,
	"self_at" timestamp with time zone,
	"self_by" uuid,
	"round1_points" double precision,
	"round1_reason" text DEFAULT '' NOT NULL,
	"round1_at" timestamp with time zone,
	"round1_by" uuid,
	"explanation" text DEFAULT '' NOT NULL,
	"explained_at" timestamp with time zone,
	"explained_by" uuid,
	"round2_points" double precision,
	"round2_reason" text DEFAULT '' NOT NULL,
	"round2_at" timestamp with time zone,
	"round2_by" uuid,
	"computed_points" double precision,
	"computation" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standing_improvements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"index_code" text NOT NULL,
	"year" integer NOT NULL,
	"dimension_code" text DEFAULT '' NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"plan_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standing_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"index_code" text NOT NULL,
	"year" integer NOT NULL,
	"dimension_code" text DEFAULT '' NOT NULL,
	"value" double precision NOT NULL,
	"max_value" double precision,
	"rank" integer,
	"rank_of" integer,
	"national_average" double precision,
	"source_document_id" uuid,
	"source" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standing_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"index_code" text NOT NULL,
	"year" integer NOT NULL,
	"dimension_code" text DEFAULT '' NOT NULL,
	"target_value" double precision,
	"target_rank" integer,
	"source_document_id" uuid,
	"source" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "par_assessments_campaign_unit_idx" ON "par_assessments" USING btree ("campaign_id","unit_id");--> statement-breakpoint
CREATE INDEX "par_assessments_unit_idx" ON "par_assessments" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "par_assessments_status_idx" ON "par_assessments" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "par_campaigns_province_year_idx" ON "par_campaigns" USING btree ("province_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "par_council_campaign_user_idx" ON "par_council_members" USING btree ("campaign_id","user_id");--> statement-breakpoint
CREATE INDEX "par_evidence_assessment_idx" ON "par_evidence" USING btree ("assessment_id","item_code");--> statement-breakpoint
CREATE UNIQUE INDEX "par_frameworks_number_idx" ON "par_frameworks" USING btree ("province_id","unit_group","year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "par_results_campaign_assessment_idx" ON "par_results" USING btree ("campaign_id","assessment_id");--> statement-breakpoint
CREATE INDEX "par_results_unit_idx" ON "par_results" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "par_scores_assessment_item_idx" ON "par_scores" USING btree ("assessment_id","item_code");--> statement-breakpoint
CREATE INDEX "standing_improvements_province_idx" ON "standing_improvements" USING btree ("province_id","index_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "standing_results_key_idx" ON "standing_results" USING btree ("province_id","index_code","year","dimension_code");--> statement-breakpoint
CREATE UNIQUE INDEX "standing_targets_key_idx" ON "standing_targets" USING btree ("province_id","index_code","year","dimension_code");--> statement-breakpoint
ALTER TABLE par_frameworks ADD CONSTRAINT par_frameworks_province_id_fk FOREIGN KEY (province_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE par_frameworks ADD CONSTRAINT par_frameworks_based_on_id_fk FOREIGN KEY (based_on_id) REFERENCES par_frameworks(id);--> statement-breakpoint
ALTER TABLE par_frameworks ADD CONSTRAINT par_frameworks_document_id_fk FOREIGN KEY (document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE par_frameworks ADD CONSTRAINT par_frameworks_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE par_frameworks ADD CONSTRAINT par_frameworks_group_ck CHECK (unit_group IN ('department', 'commune', 'other'));--> statement-breakpoint
ALTER TABLE par_frameworks ADD CONSTRAINT par_frameworks_status_ck CHECK (status IN ('draft', 'published'));--> statement-breakpoint
ALTER TABLE par_frameworks ADD CONSTRAINT par_frameworks_number_ck CHECK (number >= 1);--> statement-breakpoint
ALTER TABLE par_campaigns ADD CONSTRAINT par_campaigns_province_id_fk FOREIGN KEY (province_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE par_campaigns ADD CONSTRAINT par_campaigns_document_id_fk FOREIGN KEY (document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE par_campaigns ADD CONSTRAINT par_campaigns_result_document_id_fk FOREIGN KEY (result_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE par_campaigns ADD CONSTRAINT par_campaigns_signed_off_by_fk FOREIGN KEY (signed_off_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE par_campaigns ADD CONSTRAINT par_campaigns_published_by_fk FOREIGN KEY (published_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE par_campaigns ADD CONSTRAINT par_campaigns_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE par_campaigns ADD CONSTRAINT par_campaigns_stage_ck CHECK (stage IN ('preparing', 'self_assessment', 'appraisal_1', 'explanation', 'appraisal_2', 'finalised', 'published'));--> statement-breakpoint
ALTER TABLE par_campaigns ADD CONSTRAINT par_campaigns_deadlines_ck CHECK (self_deadline <= appraisal1_deadline AND appraisal1_deadline <= explanation_deadline AND explanation_deadline <= appraisal2_deadline);--> statement-breakpoint
ALTER TABLE par_campaigns ADD CONSTRAINT par_campaigns_remediation_ck CHECK (remediation_below >= 0 AND remediation_below <= 100);--> statement-breakpoint
ALTER TABLE par_council_members ADD CONSTRAINT par_council_members_campaign_id_fk FOREIGN KEY (campaign_id) REFERENCES par_campaigns(id);--> statement-breakpoint
ALTER TABLE par_council_members ADD CONSTRAINT par_council_members_user_id_fk FOREIGN KEY (user_id) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE par_council_members ADD CONSTRAINT par_council_members_role_ck CHECK (role IN ('chair', 'member', 'secretary'));--> statement-breakpoint
ALTER TABLE par_assessments ADD CONSTRAINT par_assessments_campaign_id_fk FOREIGN KEY (campaign_id) REFERENCES par_campaigns(id);--> statement-breakpoint
ALTER TABLE par_assessments ADD CONSTRAINT par_assessments_unit_id_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE par_assessments ADD CONSTRAINT par_assessments_framework_id_fk FOREIGN KEY (framework_id) REFERENCES par_frameworks(id);--> statement-breakpoint
ALTER TABLE par_assessments ADD CONSTRAINT par_assessments_submitted_by_fk FOREIGN KEY (submitted_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE par_assessments ADD CONSTRAINT par_assessments_group_ck CHECK (unit_group IN ('department', 'commune', 'other'));--> statement-breakpoint
ALTER TABLE par_assessments ADD CONSTRAINT par_assessments_status_ck CHECK (status IN ('not_started', 'in_progress', 'submitted', 'locked', 'appraised_1', 'explained', 'appraised_2', 'final'));--> statement-breakpoint
ALTER TABLE par_scores ADD CONSTRAINT par_scores_assessment_id_fk FOREIGN KEY (assessment_id) REFERENCES par_assessments(id);--> statement-breakpoint
ALTER TABLE par_scores ADD CONSTRAINT par_scores_self_by_fk FOREIGN KEY (self_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE par_scores ADD CONSTRAINT par_scores_round1_by_fk FOREIGN KEY (round1_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE par_scores ADD CONSTRAINT par_scores_explained_by_fk FOREIGN KEY (explained_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE par_scores ADD CONSTRAINT par_scores_round2_by_fk FOREIGN KEY (round2_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE par_evidence ADD CONSTRAINT par_evidence_assessment_id_fk FOREIGN KEY (assessment_id) REFERENCES par_assessments(id);--> statement-breakpoint
ALTER TABLE par_evidence ADD CONSTRAINT par_evidence_file_id_fk FOREIGN KEY (file_id) REFERENCES files(id);--> statement-breakpoint
ALTER TABLE par_evidence ADD CONSTRAINT par_evidence_replaces_id_fk FOREIGN KEY (replaces_id) REFERENCES par_evidence(id);--> statement-breakpoint
ALTER TABLE par_evidence ADD CONSTRAINT par_evidence_added_by_fk FOREIGN KEY (added_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE par_evidence ADD CONSTRAINT par_evidence_withdrawn_by_fk FOREIGN KEY (withdrawn_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE par_evidence ADD CONSTRAINT par_evidence_what_ck CHECK ((file_id IS NOT NULL AND sha256 IS NOT NULL AND link_kind IS NULL) OR (file_id IS NULL AND link_kind IS NOT NULL AND (link_id IS NOT NULL OR url IS NOT NULL)));--> statement-breakpoint
ALTER TABLE par_evidence ADD CONSTRAINT par_evidence_link_kind_ck CHECK (link_kind IS NULL OR link_kind IN ('plan', 'report', 'inspection', 'document', 'url'));--> statement-breakpoint
ALTER TABLE par_results ADD CONSTRAINT par_results_campaign_id_fk FOREIGN KEY (campaign_id) REFERENCES par_campaigns(id);--> statement-breakpoint
ALTER TABLE par_results ADD CONSTRAINT par_results_assessment_id_fk FOREIGN KEY (assessment_id) REFERENCES par_assessments(id);--> statement-breakpoint
ALTER TABLE par_results ADD CONSTRAINT par_results_unit_id_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE standing_results ADD CONSTRAINT standing_results_province_id_fk FOREIGN KEY (province_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE standing_results ADD CONSTRAINT standing_results_source_document_id_fk FOREIGN KEY (source_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE standing_results ADD CONSTRAINT standing_results_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE standing_results ADD CONSTRAINT standing_results_index_ck CHECK (index_code IN ('par_index', 'sipas', 'papi'));--> statement-breakpoint
ALTER TABLE standing_results ADD CONSTRAINT standing_results_rank_ck CHECK (rank IS NULL OR (rank >= 1 AND (rank_of IS NULL OR rank <= rank_of)));--> statement-breakpoint
ALTER TABLE standing_targets ADD CONSTRAINT standing_targets_province_id_fk FOREIGN KEY (province_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE standing_targets ADD CONSTRAINT standing_targets_source_document_id_fk FOREIGN KEY (source_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE standing_targets ADD CONSTRAINT standing_targets_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE standing_targets ADD CONSTRAINT standing_targets_index_ck CHECK (index_code IN ('par_index', 'sipas', 'papi'));--> statement-breakpoint
ALTER TABLE standing_targets ADD CONSTRAINT standing_targets_something_ck CHECK (target_value IS NOT NULL OR target_rank IS NOT NULL);--> statement-breakpoint
ALTER TABLE standing_improvements ADD CONSTRAINT standing_improvements_province_id_fk FOREIGN KEY (province_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE standing_improvements ADD CONSTRAINT standing_improvements_lead_unit_id_fk FOREIGN KEY (lead_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE standing_improvements ADD CONSTRAINT standing_improvements_plan_id_fk FOREIGN KEY (plan_id) REFERENCES plans(id);--> statement-breakpoint
ALTER TABLE standing_improvements ADD CONSTRAINT standing_improvements_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE standing_improvements ADD CONSTRAINT standing_improvements_index_ck CHECK (index_code IN ('par_index', 'sipas', 'papi'));
