CREATE TABLE "lineage_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"effective_date" date NOT NULL,
	"legal_basis_id" uuid,
	"legal_basis_text" text,
	"note" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "lineage_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"predecessor_id" uuid,
	"successor_id" uuid,
	"weight" numeric(9, 6)
);
--> statement-breakpoint
CREATE TABLE "lineage_unresolved" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"successor_id" uuid NOT NULL,
	"source_text" text NOT NULL,
	"source_line" text,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_predecessor_id" uuid,
	"resolved_event_id" uuid,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"parent_id" uuid,
	"event_id" uuid
);
--> statement-breakpoint
CREATE INDEX "lineage_events_date_idx" ON "lineage_events" USING btree ("effective_date");--> statement-breakpoint
CREATE INDEX "lineage_links_pred_idx" ON "lineage_links" USING btree ("predecessor_id");--> statement-breakpoint
CREATE INDEX "lineage_links_succ_idx" ON "lineage_links" USING btree ("successor_id");--> statement-breakpoint
CREATE INDEX "lineage_links_event_idx" ON "lineage_links" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "lineage_unresolved_succ_idx" ON "lineage_unresolved" USING btree ("successor_id");--> statement-breakpoint
CREATE INDEX "lineage_unresolved_status_idx" ON "lineage_unresolved" USING btree ("status");--> statement-breakpoint
CREATE INDEX "unit_versions_unit_idx" ON "unit_versions" USING btree ("unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "unit_versions_code_idx" ON "unit_versions" USING btree ("code","valid_from");--> statement-breakpoint
CREATE INDEX "unit_versions_parent_idx" ON "unit_versions" USING btree ("parent_id");