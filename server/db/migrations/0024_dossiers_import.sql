CREATE TABLE "dossier_import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mapping_id" uuid,
	"mapping_name" text NOT NULL,
	"file_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"status" text NOT NULL,
	"staged_row" integer DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_valid" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"failure_key" text,
	"failure_params" jsonb,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier_import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"delimiter" text DEFAULT ',' NOT NULL,
	"date_format" text NOT NULL,
	"columns" jsonb NOT NULL,
	"value_maps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_import_rows" (
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"code" text NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "dossier_import_rows_job_id_row_no_pk" PRIMARY KEY("job_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "dossier_ingest_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_import_jobs_sha_uq" ON "dossier_import_jobs" USING btree ("sha256") WHERE status <> 'failed';--> statement-breakpoint
CREATE INDEX "dossier_import_jobs_created_idx" ON "dossier_import_jobs" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_import_mappings_name_uq" ON "dossier_import_mappings" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_import_rows_code_uq" ON "dossier_import_rows" USING btree ("job_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_ingest_tokens_hash_uq" ON "dossier_ingest_tokens" USING btree ("token_hash");