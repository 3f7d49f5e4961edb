-- Dossier rule versions and Excel exports: foreign keys and checks (tables in
-- server/modules/dossiers/settings/dossiers-settings.table.ts and export/dossiers-export.table.ts).
ALTER TABLE dossier_rule_versions ADD CONSTRAINT dossier_rule_versions_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE dossier_rule_versions ADD CONSTRAINT dossier_rule_versions_version_ck CHECK (version >= 1);--> statement-breakpoint
ALTER TABLE dossier_exports ADD CONSTRAINT dossier_exports_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE dossier_exports ADD CONSTRAINT dossier_exports_file_fk FOREIGN KEY (file_id) REFERENCES files(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE dossier_exports ADD CONSTRAINT dossier_exports_status_ck CHECK (status IN ('queued', 'running', 'done', 'failed', 'expired'));--> statement-breakpoint
ALTER TABLE dossier_exports ADD CONSTRAINT dossier_exports_progress_ck CHECK (progress >= 0 AND progress <= 1);
