-- Meetings: foreign keys across modules and the rules the database itself keeps.
ALTER TABLE meetings ADD CONSTRAINT meetings_committee_fk FOREIGN KEY (committee_id) REFERENCES committees(id);--> statement-breakpoint
ALTER TABLE meetings ADD CONSTRAINT meetings_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE meetings ADD CONSTRAINT meetings_chair_fk FOREIGN KEY (chair_membership_id) REFERENCES committee_memberships(id);--> statement-breakpoint
ALTER TABLE meetings ADD CONSTRAINT meetings_notice_fk FOREIGN KEY (notice_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE meetings ADD CONSTRAINT meetings_kind_ck CHECK (kind IN ('session', 'working_session'));--> statement-breakpoint
ALTER TABLE meetings ADD CONSTRAINT meetings_status_ck CHECK (status IN ('planned', 'held'));--> statement-breakpoint
ALTER TABLE meetings ADD CONSTRAINT meetings_working_unit_ck CHECK (kind <> 'working_session' OR unit_id IS NOT NULL);--> statement-breakpoint
ALTER TABLE meetings ADD CONSTRAINT meetings_time_ck CHECK (start_time IS NULL OR start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');--> statement-breakpoint
ALTER TABLE meeting_files ADD CONSTRAINT meeting_files_meeting_fk FOREIGN KEY (meeting_id) REFERENCES meetings(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE meeting_files ADD CONSTRAINT meeting_files_file_fk FOREIGN KEY (file_id) REFERENCES files(id);--> statement-breakpoint
ALTER TABLE meeting_conclusions ADD CONSTRAINT meeting_conclusions_meeting_fk FOREIGN KEY (meeting_id) REFERENCES meetings(id);--> statement-breakpoint
ALTER TABLE meeting_conclusions ADD CONSTRAINT meeting_conclusions_lead_fk FOREIGN KEY (lead_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE meeting_conclusions ADD CONSTRAINT meeting_conclusions_ordinal_ck CHECK (ordinal > 0);
