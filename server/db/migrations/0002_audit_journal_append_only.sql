-- The audit journal is append-only: the database itself refuses to change or remove an entry.
CREATE OR REPLACE FUNCTION audit_journal_refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_journal is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER audit_journal_no_update BEFORE UPDATE OR DELETE ON audit_journal
  FOR EACH ROW EXECUTE FUNCTION audit_journal_refuse_change();--> statement-breakpoint
CREATE TRIGGER audit_journal_no_truncate BEFORE TRUNCATE ON audit_journal
  FOR EACH STATEMENT EXECUTE FUNCTION audit_journal_refuse_change();--> statement-breakpoint
-- Referential integrity across modules is kept by the database (modules still talk through services).
ALTER TABLE units ADD CONSTRAINT units_parent_fk FOREIGN KEY (parent_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE sessions ADD CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE grants ADD CONSTRAINT grants_user_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE grants ADD CONSTRAINT grants_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE documents ADD CONSTRAINT documents_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE document_files ADD CONSTRAINT document_files_doc_fk FOREIGN KEY (document_id) REFERENCES documents(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE document_files ADD CONSTRAINT document_files_file_fk FOREIGN KEY (file_id) REFERENCES files(id);--> statement-breakpoint
ALTER TABLE legal_bases ADD CONSTRAINT legal_bases_doc_fk FOREIGN KEY (document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE units ADD CONSTRAINT units_valid_range CHECK (valid_to IS NULL OR valid_to >= valid_from);--> statement-breakpoint
ALTER TABLE documents ADD CONSTRAINT documents_access_ck CHECK (access IN ('public', 'internal', 'restricted'));
