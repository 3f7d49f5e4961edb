CREATE TABLE "dossier_rule_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"thresholds" jsonb NOT NULL,
	"qd766" jsonb NOT NULL,
	"note" text NOT NULL,
	"legal_basis" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"query" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"phase" text DEFAULT 'queued' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"rows_written" integer DEFAULT 0 NOT NULL,
	"dossier_rows" integer DEFAULT 0 NOT NULL,
	"dossier_total" integer,
	"capped" boolean DEFAULT false NOT NULL,
	"file_id" uuid,
	"file_name" text,
	"size" bigint,
	"failure_key" text,
	"failure_params" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_rule_versions_version_uq" ON "dossier_rule_versions" USING btree ("version");--> statement-breakpoint
CREATE INDEX "dossier_rule_versions_effective_idx" ON "dossier_rule_versions" USING btree ("effective_from");--> statement-breakpoint
CREATE INDEX "dossier_exports_owner_idx" ON "dossier_exports" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "dossier_exports_status_idx" ON "dossier_exports" USING btree ("status");