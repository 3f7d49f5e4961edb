CREATE TABLE "committee_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"user_id" uuid,
	"person_name" text,
	"position" text NOT NULL,
	"office" text,
	"from_date" date NOT NULL,
	"to_date" date,
	"decision_document_id" uuid,
	"end_decision_document_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"host_unit_id" uuid NOT NULL,
	"standing_unit_id" uuid,
	"founding_document_id" uuid,
	"founded_on" date NOT NULL,
	"dissolved_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"note" text,
	"decision_document_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "committee_memberships_committee_idx" ON "committee_memberships" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "committee_memberships_user_idx" ON "committee_memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "committees_host_idx" ON "committees" USING btree ("host_unit_id");--> statement-breakpoint
CREATE INDEX "committees_level_idx" ON "committees" USING btree ("level");--> statement-breakpoint
CREATE INDEX "monitoring_assignments_membership_idx" ON "monitoring_assignments" USING btree ("membership_id");--> statement-breakpoint
CREATE INDEX "monitoring_assignments_unit_idx" ON "monitoring_assignments" USING btree ("unit_id");