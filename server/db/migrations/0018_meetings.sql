CREATE TABLE "meeting_conclusions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"text" text NOT NULL,
	"lead_unit_id" uuid,
	"supporting_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_date" date,
	"reform_area" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_files" (
	"meeting_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_files_meeting_id_file_id_pk" PRIMARY KEY("meeting_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"extraordinary" boolean DEFAULT false NOT NULL,
	"unit_id" uuid,
	"number" integer,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"start_time" text,
	"place" text,
	"chair_membership_id" uuid,
	"chair" jsonb,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"absentees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"guests" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"notice_document_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_conclusions_ordinal_idx" ON "meeting_conclusions" USING btree ("meeting_id","ordinal");--> statement-breakpoint
CREATE INDEX "meeting_conclusions_lead_idx" ON "meeting_conclusions" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "meetings_committee_idx" ON "meetings" USING btree ("committee_id","date");