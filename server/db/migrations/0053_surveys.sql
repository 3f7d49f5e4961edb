CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"address" text,
	"name" text DEFAULT '' NOT NULL,
	"sent_at" timestamp with time zone,
	"reminders" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"used" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"submitted_on" date NOT NULL,
	"answers" jsonb NOT NULL,
	"client_key" text NOT NULL,
	"minutes" integer,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"respondent_ref" uuid
);
--> statement-breakpoint
CREATE TABLE "survey_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"target_group" text NOT NULL,
	"population" integer,
	"quota" integer DEFAULT 0 NOT NULL,
	"public_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"indices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"definition_hash" text NOT NULL,
	"template_key" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"anonymous" boolean DEFAULT true NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"par_year" integer,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_uq" ON "survey_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "survey_invitations_target_idx" ON "survey_invitations" USING btree ("target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_client_key_uq" ON "survey_responses" USING btree ("survey_id","client_key");--> statement-breakpoint
CREATE INDEX "survey_responses_target_idx" ON "survey_responses" USING btree ("target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_targets_unit_group_uq" ON "survey_targets" USING btree ("survey_id","unit_id","target_group");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_targets_public_code_uq" ON "survey_targets" USING btree ("public_code");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_versions_number_uq" ON "survey_versions" USING btree ("survey_id","number");--> statement-breakpoint
CREATE INDEX "surveys_province_year_idx" ON "surveys" USING btree ("province_id","year");--> statement-breakpoint
-- surveys_constraints (server/modules/surveys/surveys.table.ts)
ALTER TABLE surveys ADD CONSTRAINT surveys_province_id_fk FOREIGN KEY (province_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE surveys ADD CONSTRAINT surveys_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE surveys ADD CONSTRAINT surveys_kind_ck CHECK (kind IN ('satisfaction', 'business', 'par_index', 'custom'));--> statement-breakpoint
ALTER TABLE surveys ADD CONSTRAINT surveys_status_ck CHECK (status IN ('draft', 'open', 'closed'));--> statement-breakpoint
ALTER TABLE surveys ADD CONSTRAINT surveys_period_ck CHECK (opens_on IS NULL OR closes_on IS NULL OR closes_on >= opens_on);--> statement-breakpoint
ALTER TABLE survey_versions ADD CONSTRAINT survey_versions_survey_id_fk FOREIGN KEY (survey_id) REFERENCES surveys(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE survey_versions ADD CONSTRAINT survey_versions_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE survey_versions ADD CONSTRAINT survey_versions_number_ck CHECK (number >= 1);--> statement-breakpoint
ALTER TABLE survey_targets ADD CONSTRAINT survey_targets_survey_id_fk FOREIGN KEY (survey_id) REFERENCES surveys(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE survey_targets ADD CONSTRAINT survey_targets_unit_id_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE survey_targets ADD CONSTRAINT survey_targets_group_ck CHECK (target_group IN ('citizen', 'business', 'official', 'deputy'));--> statement-breakpoint
ALTER TABLE survey_targets ADD CONSTRAINT survey_targets_numbers_ck CHECK (quota >= 0 AND (population IS NULL OR population >= 0));--> statement-breakpoint
ALTER TABLE survey_invitations ADD CONSTRAINT survey_invitations_survey_id_fk FOREIGN KEY (survey_id) REFERENCES surveys(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE survey_invitations ADD CONSTRAINT survey_invitations_target_id_fk FOREIGN KEY (target_id) REFERENCES survey_targets(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE survey_invitations ADD CONSTRAINT survey_invitations_reminders_ck CHECK (reminders >= 0);--> statement-breakpoint
ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_survey_id_fk FOREIGN KEY (survey_id) REFERENCES surveys(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_version_id_fk FOREIGN KEY (version_id) REFERENCES survey_versions(id);--> statement-breakpoint
ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_target_id_fk FOREIGN KEY (target_id) REFERENCES survey_targets(id);--> statement-breakpoint
ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_respondent_ref_fk FOREIGN KEY (respondent_ref) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_channel_ck CHECK (channel IN ('qr', 'invitation', 'link'));--> statement-breakpoint
ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_minutes_ck CHECK (minutes IS NULL OR minutes >= 0);
