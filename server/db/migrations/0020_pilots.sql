CREATE TABLE "pilot_item_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"document_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"on" date NOT NULL,
	"actor_id" uuid
);
--> statement-breakpoint
CREATE TABLE "pilot_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"reform_area" text NOT NULL,
	"due_date" date NOT NULL,
	"original_due_date" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"output" text,
	"reported_on" date,
	"verified_on" date,
	"last_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"decision_document_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "pilot_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"overall" text DEFAULT '' NOT NULL,
	"assessments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_on" date,
	"submitted_by" uuid,
	"reviewed_on" date,
	"reviewed_by" uuid,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"responsible_membership_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pilot_item_events_item_idx" ON "pilot_item_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "pilot_items_unit_idx" ON "pilot_items" USING btree ("pilot_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_programmes_committee_year_uq" ON "pilot_programmes" USING btree ("committee_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_reports_unit_kind_uq" ON "pilot_reports" USING btree ("pilot_unit_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_units_programme_unit_uq" ON "pilot_units" USING btree ("programme_id","unit_id");--> statement-breakpoint
CREATE INDEX "pilot_units_unit_idx" ON "pilot_units" USING btree ("unit_id");