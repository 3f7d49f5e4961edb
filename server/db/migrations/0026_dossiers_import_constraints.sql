-- Dossier import: foreign keys and checks (tables in server/modules/dossiers/import/dossiers-import.table.ts).
ALTER TABLE dossier_import_jobs ADD CONSTRAINT dossier_import_jobs_mapping_fk FOREIGN KEY (mapping_id) REFERENCES dossier_import_mappings(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE dossier_import_jobs ADD CONSTRAINT dossier_import_jobs_file_fk FOREIGN KEY (file_id) REFERENCES files(id);--> statement-breakpoint
ALTER TABLE dossier_import_jobs ADD CONSTRAINT dossier_import_jobs_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE dossier_import_jobs ADD CONSTRAINT dossier_import_jobs_status_ck CHECK (status IN ('staging', 'staged', 'done', 'failed'));--> statement-breakpoint
ALTER TABLE dossier_import_jobs ADD CONSTRAINT dossier_import_jobs_format_ck CHECK (format IN ('csv', 'xlsx'));--> statement-breakpoint
ALTER TABLE dossier_import_rows ADD CONSTRAINT dossier_import_rows_job_fk FOREIGN KEY (job_id) REFERENCES dossier_import_jobs(id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE dossier_import_mappings ADD CONSTRAINT dossier_import_mappings_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE dossier_ingest_tokens ADD CONSTRAINT dossier_ingest_tokens_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE dossier_ingest_tokens ADD CONSTRAINT dossier_ingest_tokens_created_by_fk FOREIGN KEY (created_by) REFERENCES users(id);
