CREATE TABLE "report_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_key" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"period_type" text NOT NULL,
	"target" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_kinds" text[] DEFAULT '{}' NOT NULL,
	"focal_point_submits" boolean DEFAULT false NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"document_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_consolidations" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"form_version_id" uuid NOT NULL,
	"computed" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"change_notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"document_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "report_form_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_key" text NOT NULL,
	"number" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_forms" (
	"key" text PRIMARY KEY NOT NULL,
	"subject" text DEFAULT 'unit' NOT NULL,
	"shipped" boolean DEFAULT false NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "report_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_key" text NOT NULL,
	"form_version_id" uuid NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"period_type" text NOT NULL,
	"window_from" date NOT NULL,
	"window_to" date NOT NULL,
	"due_date" date NOT NULL,
	"rules" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"meeting_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"assignment_id" uuid,
	"membership_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prefill" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"change_notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"snapshot" jsonb,
	"comments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_date" date NOT NULL,
	"extension_reason" text,
	"first_submitted_on" date,
	"submitted_on" date,
	"submitted_by" uuid,
	"accepted_on" date,
	"last_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_assignments_form_idx" ON "report_assignments" USING btree ("form_key","owner_unit_id","period_type");--> statement-breakpoint
CREATE UNIQUE INDEX "report_form_versions_key_number_uq" ON "report_form_versions" USING btree ("form_key","number");--> statement-breakpoint
CREATE UNIQUE INDEX "report_rounds_form_period_uq" ON "report_rounds" USING btree ("form_key","owner_unit_id","period_key") WHERE "report_rounds"."meeting_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "report_rounds_meeting_uq" ON "report_rounds" USING btree ("meeting_id","form_key") WHERE "report_rounds"."meeting_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_round_unit_uq" ON "reports" USING btree ("round_id","unit_id") WHERE "reports"."membership_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_round_member_uq" ON "reports" USING btree ("round_id","membership_id") WHERE "reports"."membership_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_unit_idx" ON "reports" USING btree ("unit_id","status");--> statement-breakpoint
-- Constraints of the periodic reports (issue 13).
ALTER TABLE report_forms ADD CONSTRAINT report_forms_subject_ck CHECK (subject IN ('unit', 'member'));--> statement-breakpoint
ALTER TABLE report_form_versions ADD CONSTRAINT report_form_versions_form_fk FOREIGN KEY (form_key) REFERENCES report_forms(key);--> statement-breakpoint
ALTER TABLE report_form_versions ADD CONSTRAINT report_form_versions_status_ck CHECK (status IN ('draft', 'published'));--> statement-breakpoint
ALTER TABLE report_form_versions ADD CONSTRAINT report_form_versions_number_ck CHECK (number >= 1);--> statement-breakpoint
ALTER TABLE report_assignments ADD CONSTRAINT report_assignments_form_fk FOREIGN KEY (form_key) REFERENCES report_forms(key);--> statement-breakpoint
ALTER TABLE report_assignments ADD CONSTRAINT report_assignments_owner_fk FOREIGN KEY (owner_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE report_assignments ADD CONSTRAINT report_assignments_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE report_assignments ADD CONSTRAINT report_assignments_document_fk FOREIGN KEY (document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE report_assignments ADD CONSTRAINT report_assignments_target_ck CHECK ((target = 'unit' AND cardinality(unit_kinds) = 0) OR (target = 'kinds' AND cardinality(unit_kinds) > 0));--> statement-breakpoint
ALTER TABLE report_assignments ADD CONSTRAINT report_assignments_range_ck CHECK (valid_to IS NULL OR valid_to >= valid_from);--> statement-breakpoint
ALTER TABLE report_rounds ADD CONSTRAINT report_rounds_form_fk FOREIGN KEY (form_key) REFERENCES report_forms(key);--> statement-breakpoint
ALTER TABLE report_rounds ADD CONSTRAINT report_rounds_version_fk FOREIGN KEY (form_version_id) REFERENCES report_form_versions(id);--> statement-breakpoint
ALTER TABLE report_rounds ADD CONSTRAINT report_rounds_owner_fk FOREIGN KEY (owner_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE report_rounds ADD CONSTRAINT report_rounds_status_ck CHECK (status IN ('open', 'closed'));--> statement-breakpoint
ALTER TABLE report_rounds ADD CONSTRAINT report_rounds_window_ck CHECK (window_to >= window_from);--> statement-breakpoint
ALTER TABLE reports ADD CONSTRAINT reports_round_fk FOREIGN KEY (round_id) REFERENCES report_rounds(id);--> statement-breakpoint
ALTER TABLE reports ADD CONSTRAINT reports_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE reports ADD CONSTRAINT reports_assignment_fk FOREIGN KEY (assignment_id) REFERENCES report_assignments(id);--> statement-breakpoint
ALTER TABLE reports ADD CONSTRAINT reports_status_ck CHECK (status IN ('draft', 'submitted', 'returned', 'accepted'));--> statement-breakpoint
ALTER TABLE reports ADD CONSTRAINT reports_submitted_ck CHECK (status NOT IN ('submitted', 'accepted') OR (submitted_on IS NOT NULL AND snapshot IS NOT NULL));--> statement-breakpoint
ALTER TABLE report_consolidations ADD CONSTRAINT report_consolidations_round_fk FOREIGN KEY (round_id) REFERENCES report_rounds(id);--> statement-breakpoint
ALTER TABLE report_consolidations ADD CONSTRAINT report_consolidations_version_fk FOREIGN KEY (form_version_id) REFERENCES report_form_versions(id);--> statement-breakpoint
ALTER TABLE report_consolidations ADD CONSTRAINT report_consolidations_document_fk FOREIGN KEY (document_id) REFERENCES documents(id);--> statement-breakpoint
-- A published form version never changes (reports written on it read it) and is never deleted.
CREATE OR REPLACE FUNCTION report_form_versions_keep_published() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'report form version % is published and cannot change', OLD.id USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER report_form_versions_published_fixed BEFORE UPDATE OR DELETE ON report_form_versions
  FOR EACH ROW EXECUTE FUNCTION report_form_versions_keep_published();
--> statement-breakpoint
ALTER TABLE report_rounds ADD CONSTRAINT report_rounds_meeting_fk FOREIGN KEY (meeting_id) REFERENCES meetings(id);--> statement-breakpoint
ALTER TABLE reports ADD CONSTRAINT reports_membership_fk FOREIGN KEY (membership_id) REFERENCES committee_memberships(id);
