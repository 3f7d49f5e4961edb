CREATE TABLE "feedback_case_files" (
	"case_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"province_id" uuid NOT NULL,
	"category_id" uuid,
	"subject_unit_id" uuid,
	"place" text DEFAULT '' NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"submitter_name" text DEFAULT '' NOT NULL,
	"submitter_phone" text DEFAULT '' NOT NULL,
	"submitter_email" text DEFAULT '' NOT NULL,
	"submitter_address" text DEFAULT '' NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"submitter_key_hash" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_on" date NOT NULL,
	"entered_by" uuid,
	"classification" text,
	"triage_note" text DEFAULT '' NOT NULL,
	"forwarded_to" text DEFAULT '' NOT NULL,
	"handling_unit_id" uuid,
	"status" text DEFAULT 'received' NOT NULL,
	"rule_version_id" uuid,
	"triage_due_date" date NOT NULL,
	"due_date" date,
	"extension_reason" text,
	"answer_draft" text DEFAULT '' NOT NULL,
	"published_answer" text,
	"published_description" text,
	"published_on" date,
	"closed_on" date,
	"satisfaction" text,
	"rated_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"duplicate_of_id" uuid,
	"idempotency_key" text,
	"content_key" text,
	"source_message_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_cases_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "feedback_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"description_vi" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_categories_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "feedback_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"unit_id" uuid,
	"status" text DEFAULT 'proposed' NOT NULL,
	"outcome_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_followers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "feedback_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid NOT NULL,
	"area_unit_id" uuid,
	"handling_unit_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_rule_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"valid_from" date NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "hotline_rule_versions_valid_from_unique" UNIQUE("valid_from")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_case_files_pk" ON "feedback_case_files" USING btree ("case_id","file_id");--> statement-breakpoint
CREATE INDEX "feedback_cases_status_idx" ON "feedback_cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "feedback_cases_handling_idx" ON "feedback_cases" USING btree ("handling_unit_id","status");--> statement-breakpoint
CREATE INDEX "feedback_cases_received_idx" ON "feedback_cases" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "feedback_cases_subject_idx" ON "feedback_cases" USING btree ("subject_unit_id");--> statement-breakpoint
CREATE INDEX "feedback_cases_content_idx" ON "feedback_cases" USING btree ("content_key","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_cases_idempotency_idx" ON "feedback_cases" USING btree ("idempotency_key") WHERE "feedback_cases"."idempotency_key" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_cases_message_idx" ON "feedback_cases" USING btree ("source_message_id") WHERE "feedback_cases"."source_message_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "feedback_escalations_case_idx" ON "feedback_escalations" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_followers_case_email_idx" ON "feedback_followers" USING btree ("case_id","email");--> statement-breakpoint
CREATE INDEX "feedback_routes_category_idx" ON "feedback_routes" USING btree ("category_id");--> statement-breakpoint
ALTER TABLE feedback_routes ADD CONSTRAINT feedback_routes_category_fk FOREIGN KEY (category_id) REFERENCES feedback_categories(id);--> statement-breakpoint
ALTER TABLE feedback_routes ADD CONSTRAINT feedback_routes_area_fk FOREIGN KEY (area_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE feedback_routes ADD CONSTRAINT feedback_routes_handling_fk FOREIGN KEY (handling_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_province_fk FOREIGN KEY (province_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_category_fk FOREIGN KEY (category_id) REFERENCES feedback_categories(id);--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_subject_fk FOREIGN KEY (subject_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_handling_fk FOREIGN KEY (handling_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_entered_by_fk FOREIGN KEY (entered_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_rules_fk FOREIGN KEY (rule_version_id) REFERENCES hotline_rule_versions(id);--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_duplicate_fk FOREIGN KEY (duplicate_of_id) REFERENCES feedback_cases(id);--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_channel_ck CHECK (channel IN ('web', 'phone', 'email', 'letter', 'press', 'national_portal', 'visit', 'open311'));--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_status_ck CHECK (status IN ('received', 'not_accepted', 'forwarded', 'assigned', 'answered', 'published', 'merged'));--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_classification_ck CHECK (classification IS NULL OR classification IN ('not_accepted', 'behaviour', 'within_authority', 'outside_authority'));--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_satisfaction_ck CHECK (satisfaction IS NULL OR satisfaction IN ('satisfied', 'not_satisfied'));--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_assigned_ck CHECK (status NOT IN ('assigned', 'answered', 'published') OR (handling_unit_id IS NOT NULL AND due_date IS NOT NULL));--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_published_ck CHECK (status <> 'published' OR (published_answer IS NOT NULL AND published_on IS NOT NULL));--> statement-breakpoint
ALTER TABLE feedback_cases ADD CONSTRAINT feedback_cases_location_ck CHECK ((lat IS NULL AND lng IS NULL) OR (lat BETWEEN -90 AND 90 AND lng BETWEEN -180 AND 180));--> statement-breakpoint
ALTER TABLE feedback_case_files ADD CONSTRAINT feedback_case_files_case_fk FOREIGN KEY (case_id) REFERENCES feedback_cases(id);--> statement-breakpoint
ALTER TABLE feedback_case_files ADD CONSTRAINT feedback_case_files_file_fk FOREIGN KEY (file_id) REFERENCES files(id);--> statement-breakpoint
ALTER TABLE feedback_followers ADD CONSTRAINT feedback_followers_case_fk FOREIGN KEY (case_id) REFERENCES feedback_cases(id);--> statement-breakpoint
ALTER TABLE feedback_escalations ADD CONSTRAINT feedback_escalations_case_fk FOREIGN KEY (case_id) REFERENCES feedback_cases(id);--> statement-breakpoint
ALTER TABLE feedback_escalations ADD CONSTRAINT feedback_escalations_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE feedback_escalations ADD CONSTRAINT feedback_escalations_kind_ck CHECK (kind IN ('verification', 'inspection'));--> statement-breakpoint
ALTER TABLE feedback_escalations ADD CONSTRAINT feedback_escalations_status_ck CHECK (status IN ('proposed', 'taken', 'dismissed'));--> statement-breakpoint
-- Accent-insensitive search over what the public and the officers search by (title, description, place).
CREATE INDEX feedback_cases_text_trgm ON feedback_cases USING gin (f_unaccent(lower(title || ' ' || description || ' ' || place)) gin_trgm_ops);
