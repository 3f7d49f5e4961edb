CREATE TABLE "work_attachments" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "work_event_files" (
	"event_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "work_event_files_event_id_file_id_pk" PRIMARY KEY("event_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "work_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"percent" integer,
	"document_id" uuid,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"review_of" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"on" date NOT NULL,
	"actor_id" uuid
);
--> statement-breakpoint
CREATE INDEX "work_attachments_item_idx" ON "work_attachments" USING btree ("kind","item_id");--> statement-breakpoint
CREATE INDEX "work_attachments_expiry_idx" ON "work_attachments" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "work_event_files_file_idx" ON "work_event_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "work_events_item_idx" ON "work_events" USING btree ("kind","item_id","at");