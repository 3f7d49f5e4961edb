CREATE TABLE "reform_programme_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reform_programme_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"round_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "reform_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"document_id" uuid,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'in_force' NOT NULL,
	"tolerance_kind" text DEFAULT 'points' NOT NULL,
	"tolerance_value" double precision DEFAULT 5 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_target_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reform_target_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"measured_on" date,
	"evidence_file_id" uuid,
	"evidence_document_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reform_programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"area" text NOT NULL,
	"measure" text DEFAULT 'percent' NOT NULL,
	"comparison" text DEFAULT 'gte' NOT NULL,
	"baseline_year" integer,
	"baseline_value" double precision,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"final_value" double precision NOT NULL,
	"figure_key" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "reform_programme_reviews_programme_idx" ON "reform_programme_reviews" USING btree ("reform_programme_id");--> statement-breakpoint
CREATE INDEX "reform_programmes_committee_idx" ON "reform_programmes" USING btree ("committee_id","from_year");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_target_values_year_uq" ON "reform_target_values" USING btree ("reform_target_id","year");--> statement-breakpoint
CREATE INDEX "reform_targets_programme_idx" ON "reform_targets" USING btree ("reform_programme_id","sort_order");--> statement-breakpoint
ALTER TABLE reform_programmes ADD CONSTRAINT reform_programmes_committee_id_fk FOREIGN KEY (committee_id) REFERENCES committees(id);--> statement-breakpoint
ALTER TABLE reform_programmes ADD CONSTRAINT reform_programmes_document_id_fk FOREIGN KEY (document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE reform_programmes ADD CONSTRAINT reform_programmes_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE reform_programmes ADD CONSTRAINT reform_programmes_kind_ck CHECK (kind IN ('party_resolution', 'programme', 'plan'));--> statement-breakpoint
ALTER TABLE reform_programmes ADD CONSTRAINT reform_programmes_status_ck CHECK (status IN ('draft', 'in_force', 'ended'));--> statement-breakpoint
ALTER TABLE reform_programmes ADD CONSTRAINT reform_programmes_years_ck CHECK (from_year <= to_year);--> statement-breakpoint
ALTER TABLE reform_programmes ADD CONSTRAINT reform_programmes_tolerance_ck CHECK (tolerance_kind IN ('points', 'percent') AND tolerance_value >= 0);--> statement-breakpoint
ALTER TABLE reform_targets ADD CONSTRAINT reform_targets_programme_id_fk FOREIGN KEY (reform_programme_id) REFERENCES reform_programmes(id);--> statement-breakpoint
ALTER TABLE reform_targets ADD CONSTRAINT reform_targets_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE reform_targets ADD CONSTRAINT reform_targets_comparison_ck CHECK (comparison IN ('gte', 'lte'));--> statement-breakpoint
ALTER TABLE reform_target_values ADD CONSTRAINT reform_target_values_target_id_fk FOREIGN KEY (reform_target_id) REFERENCES reform_targets(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE reform_target_values ADD CONSTRAINT reform_target_values_file_id_fk FOREIGN KEY (evidence_file_id) REFERENCES files(id);--> statement-breakpoint
ALTER TABLE reform_target_values ADD CONSTRAINT reform_target_values_document_id_fk FOREIGN KEY (evidence_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE reform_target_values ADD CONSTRAINT reform_target_values_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE reform_target_values ADD CONSTRAINT reform_target_values_evidence_ck CHECK (evidence_file_id IS NOT NULL OR evidence_document_id IS NOT NULL);--> statement-breakpoint
ALTER TABLE reform_programme_reviews ADD CONSTRAINT reform_programme_reviews_programme_id_fk FOREIGN KEY (reform_programme_id) REFERENCES reform_programmes(id);--> statement-breakpoint
ALTER TABLE reform_programme_reviews ADD CONSTRAINT reform_programme_reviews_round_id_fk FOREIGN KEY (round_id) REFERENCES report_rounds(id);--> statement-breakpoint
ALTER TABLE reform_programme_reviews ADD CONSTRAINT reform_programme_reviews_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);
