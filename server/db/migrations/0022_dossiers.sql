CREATE TABLE "dossier_procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"field" text NOT NULL,
	"level" text NOT NULL,
	"online_capability" text NOT NULL,
	"time_limit_days" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_rollups" (
	"unit_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"fee_payable" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"resolved_early" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolved_late" integer DEFAULT 0 NOT NULL,
	"e_result" integer DEFAULT 0 NOT NULL,
	"processing_days_sum" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"dissatisfied" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"not_yet_due" integer DEFAULT 0 NOT NULL,
	"due_soon" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"suspended" integer DEFAULT 0 NOT NULL,
	"uncollected" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_rollups_unit_id_procedure_id_day_pk" PRIMARY KEY("unit_id","procedure_id","day")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"procedure_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"status" text NOT NULL,
	"status_reason" text,
	"suspensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fee_payable" boolean DEFAULT false NOT NULL,
	"paid_online" boolean DEFAULT false NOT NULL,
	"digitised" boolean DEFAULT false NOT NULL,
	"e_result" boolean DEFAULT false NOT NULL,
	"rating" text,
	"complained" boolean DEFAULT false NOT NULL,
	"contribution" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_procedures_code_uq" ON "dossier_procedures" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossier_procedures_field_idx" ON "dossier_procedures" USING btree ("field");--> statement-breakpoint
CREATE INDEX "dossier_rollups_day_idx" ON "dossier_rollups" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_unit_received_idx" ON "dossiers" USING btree ("unit_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_procedure_idx" ON "dossiers" USING btree ("procedure_id");