-- Dossiers: foreign keys across modules and the checks the database keeps (rules in server/modules/dossiers/README.md).
ALTER TABLE dossier_procedures ADD CONSTRAINT dossier_procedures_level_ck CHECK (level IN ('province', 'commune', 'central', 'multi'));--> statement-breakpoint
ALTER TABLE dossier_procedures ADD CONSTRAINT dossier_procedures_online_ck CHECK (online_capability IN ('none', 'partial', 'full'));--> statement-breakpoint
ALTER TABLE dossier_procedures ADD CONSTRAINT dossier_procedures_limit_ck CHECK (time_limit_days >= 0);--> statement-breakpoint
ALTER TABLE dossiers ADD CONSTRAINT dossiers_procedure_fk FOREIGN KEY (procedure_id) REFERENCES dossier_procedures(id);--> statement-breakpoint
ALTER TABLE dossiers ADD CONSTRAINT dossiers_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE dossiers ADD CONSTRAINT dossiers_channel_ck CHECK (channel IN ('online', 'in_person', 'post'));--> statement-breakpoint
ALTER TABLE dossiers ADD CONSTRAINT dossiers_status_ck CHECK (status IN ('processing', 'resolved', 'returned', 'withdrawn', 'suspended'));--> statement-breakpoint
ALTER TABLE dossiers ADD CONSTRAINT dossiers_rating_ck CHECK (rating IS NULL OR rating IN ('very_satisfied', 'satisfied', 'not_satisfied'));--> statement-breakpoint
ALTER TABLE dossiers ADD CONSTRAINT dossiers_times_ck CHECK ((resolved_at IS NULL OR resolved_at >= received_at) AND (returned_at IS NULL OR (resolved_at IS NOT NULL AND returned_at >= resolved_at)) AND (withdrawn_at IS NULL OR withdrawn_at >= received_at));--> statement-breakpoint
ALTER TABLE dossier_rollups ADD CONSTRAINT dossier_rollups_procedure_fk FOREIGN KEY (procedure_id) REFERENCES dossier_procedures(id);--> statement-breakpoint
ALTER TABLE dossier_rollups ADD CONSTRAINT dossier_rollups_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
CREATE INDEX dossier_procedures_search_idx ON dossier_procedures USING gin (f_unaccent(lower(code || ' ' || name)) gin_trgm_ops);
