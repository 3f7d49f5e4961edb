-- Issue 12: who founded a committee (its documents' layout and numbering), its working group (Tổ giúp việc)
-- as a body with its own founding decision, head and members, and committee-internal sessions.
ALTER TABLE committees ADD COLUMN founder_kind text DEFAULT 'state' NOT NULL;--> statement-breakpoint
ALTER TABLE committees ADD COLUMN founder_name text;--> statement-breakpoint
ALTER TABLE committees ADD COLUMN symbol text DEFAULT 'BCĐ' NOT NULL;--> statement-breakpoint
ALTER TABLE committees ADD CONSTRAINT committees_founder_kind_ck CHECK (founder_kind IN ('state', 'party'));--> statement-breakpoint
-- A committee founded by a Party decision (Quy định 66-QĐ/TW: "…-QĐ/TU", "…-QĐ/HU", "…-QĐ/ĐU", "…-QĐ/TW")
-- issues Party documents: recorded as such on upgrade.
UPDATE committees c SET founder_kind = 'party'
  FROM documents d
 WHERE d.id = c.founding_document_id AND d.number_symbol ~ '^[0-9]+-[^/]+/(TU|HU|ĐU|TW|QU|TƯ)$';--> statement-breakpoint
CREATE TABLE committee_bodies (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	committee_id uuid NOT NULL,
	kind text DEFAULT 'to_giup_viec' NOT NULL,
	name text NOT NULL,
	founding_document_id uuid,
	founded_on date NOT NULL,
	dissolved_on date,
	head_membership_id uuid,
	version integer DEFAULT 1 NOT NULL,
	created_at timestamp with time zone DEFAULT now() NOT NULL,
	updated_at timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX committee_bodies_committee_idx ON committee_bodies USING btree (committee_id);--> statement-breakpoint
ALTER TABLE committee_bodies ADD CONSTRAINT committee_bodies_committee_fk FOREIGN KEY (committee_id) REFERENCES committees(id);--> statement-breakpoint
ALTER TABLE committee_bodies ADD CONSTRAINT committee_bodies_founding_doc_fk FOREIGN KEY (founding_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE committee_bodies ADD CONSTRAINT committee_bodies_kind_ck CHECK (kind IN ('to_giup_viec'));--> statement-breakpoint
ALTER TABLE committee_bodies ADD CONSTRAINT committee_bodies_range_ck CHECK (dissolved_on IS NULL OR dissolved_on >= founded_on);--> statement-breakpoint
ALTER TABLE committee_memberships ADD COLUMN body_id uuid;--> statement-breakpoint
CREATE INDEX committee_memberships_body_idx ON committee_memberships USING btree (body_id);--> statement-breakpoint
ALTER TABLE committee_memberships ADD CONSTRAINT committee_memberships_body_fk FOREIGN KEY (body_id) REFERENCES committee_bodies(id);--> statement-breakpoint
ALTER TABLE committee_bodies ADD CONSTRAINT committee_bodies_head_fk FOREIGN KEY (head_membership_id) REFERENCES committee_memberships(id);--> statement-breakpoint
-- Upgrade: the working-group members recorded so far as a position become members of one body per committee,
-- in force from the first of them (its founding decision is not known: left for the standing agency to cite).
INSERT INTO committee_bodies (committee_id, name, founded_on)
SELECT committee_id, 'Tổ giúp việc Ban Chỉ đạo', min(from_date)
  FROM committee_memberships WHERE position = 'to_giup_viec' GROUP BY committee_id;--> statement-breakpoint
UPDATE committee_memberships m SET body_id = b.id
  FROM committee_bodies b
 WHERE b.committee_id = m.committee_id AND m.position = 'to_giup_viec';--> statement-breakpoint
ALTER TABLE committee_memberships ADD CONSTRAINT committee_memberships_body_ck CHECK ((position = 'to_giup_viec') = (body_id IS NOT NULL));--> statement-breakpoint
ALTER TABLE meetings DROP CONSTRAINT meetings_kind_ck;--> statement-breakpoint
ALTER TABLE meetings ADD CONSTRAINT meetings_kind_ck CHECK (kind IN ('session', 'working_session', 'internal'));--> statement-breakpoint
ALTER TABLE meetings ADD CONSTRAINT meetings_internal_unit_ck CHECK (kind <> 'internal' OR unit_id IS NULL);
