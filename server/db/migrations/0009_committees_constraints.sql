-- Steering committees: foreign keys across modules and the rules the database itself keeps.
ALTER TABLE committees ADD CONSTRAINT committees_host_unit_fk FOREIGN KEY (host_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE committees ADD CONSTRAINT committees_standing_unit_fk FOREIGN KEY (standing_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE committees ADD CONSTRAINT committees_founding_doc_fk FOREIGN KEY (founding_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE committees ADD CONSTRAINT committees_level_ck CHECK (level IN ('province', 'department', 'district', 'commune', 'other'));--> statement-breakpoint
ALTER TABLE committees ADD CONSTRAINT committees_range_ck CHECK (dissolved_on IS NULL OR dissolved_on >= founded_on);--> statement-breakpoint
ALTER TABLE committee_memberships ADD CONSTRAINT committee_memberships_committee_fk FOREIGN KEY (committee_id) REFERENCES committees(id);--> statement-breakpoint
ALTER TABLE committee_memberships ADD CONSTRAINT committee_memberships_user_fk FOREIGN KEY (user_id) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE committee_memberships ADD CONSTRAINT committee_memberships_decision_fk FOREIGN KEY (decision_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE committee_memberships ADD CONSTRAINT committee_memberships_end_decision_fk FOREIGN KEY (end_decision_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE committee_memberships ADD CONSTRAINT committee_memberships_person_ck CHECK (user_id IS NOT NULL OR person_name IS NOT NULL);--> statement-breakpoint
ALTER TABLE committee_memberships ADD CONSTRAINT committee_memberships_position_ck CHECK (position IN ('truong_ban', 'pho_truong_ban_thuong_truc', 'pho_truong_ban', 'uy_vien', 'to_giup_viec', 'thu_ky'));--> statement-breakpoint
ALTER TABLE committee_memberships ADD CONSTRAINT committee_memberships_range_ck CHECK (to_date IS NULL OR to_date >= from_date);--> statement-breakpoint
ALTER TABLE monitoring_assignments ADD CONSTRAINT monitoring_assignments_membership_fk FOREIGN KEY (membership_id) REFERENCES committee_memberships(id);--> statement-breakpoint
ALTER TABLE monitoring_assignments ADD CONSTRAINT monitoring_assignments_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE monitoring_assignments ADD CONSTRAINT monitoring_assignments_decision_fk FOREIGN KEY (decision_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE monitoring_assignments ADD CONSTRAINT monitoring_assignments_range_ck CHECK (to_date IS NULL OR to_date >= from_date);
