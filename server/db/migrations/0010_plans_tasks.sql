CREATE TABLE "plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_task_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"reform_area" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"supporting_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"directing_member_id" uuid,
	"start_date" date,
	"due_date" date,
	"original_due_date" date,
	"expected_output" text,
	"focus" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'plan' NOT NULL,
	"source_ref" text,
	"weight" numeric(9, 4),
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
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"owner_kind" text DEFAULT 'committee' NOT NULL,
	"title" text NOT NULL,
	"document_id" uuid,
	"method" text DEFAULT 'count' NOT NULL,
	"focus_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evidence_optional" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "task_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"percent" integer,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"document_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"on" date NOT NULL,
	"actor_id" uuid
);
--> statement-breakpoint
CREATE INDEX "plan_tasks_plan_idx" ON "plan_tasks" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_tasks_lead_idx" ON "plan_tasks" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "plans_year_idx" ON "plans" USING btree ("year","owner_unit_id");--> statement-breakpoint
CREATE INDEX "task_events_task_idx" ON "task_events" USING btree ("task_id","at");