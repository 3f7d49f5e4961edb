CREATE TABLE "reporting_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_set_id" text NOT NULL,
	"version" integer NOT NULL,
	"report_type" text,
	"valid_from" date NOT NULL,
	"rules" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE INDEX "reporting_rules_type_idx" ON "reporting_rules" USING btree ("report_type","valid_from");