-- Every unit gets its first version (installs that already had units before unit history existed).
INSERT INTO unit_versions (unit_id, valid_from, valid_to, code, name, full_name, parent_id)
SELECT u.id, u.valid_from, u.valid_to, u.code, u.name, u.full_name, u.parent_id FROM units u
 WHERE NOT EXISTS (SELECT 1 FROM unit_versions v WHERE v.unit_id = u.id);--> statement-breakpoint
CREATE INDEX unit_versions_name_trgm_idx ON unit_versions USING gin (f_unaccent(lower(full_name)) gin_trgm_ops);--> statement-breakpoint
ALTER TABLE unit_versions ADD CONSTRAINT unit_versions_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE unit_versions ADD CONSTRAINT unit_versions_parent_fk FOREIGN KEY (parent_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE unit_versions ADD CONSTRAINT unit_versions_event_fk FOREIGN KEY (event_id) REFERENCES lineage_events(id);--> statement-breakpoint
ALTER TABLE unit_versions ADD CONSTRAINT unit_versions_range CHECK (valid_to IS NULL OR valid_to >= valid_from);--> statement-breakpoint
ALTER TABLE lineage_events ADD CONSTRAINT lineage_events_kind_ck CHECK (kind IN ('establish', 'rename', 'merge', 'split', 'transfer', 'absorb', 'abolish'));--> statement-breakpoint
ALTER TABLE lineage_events ADD CONSTRAINT lineage_events_basis_fk FOREIGN KEY (legal_basis_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE lineage_links ADD CONSTRAINT lineage_links_event_fk FOREIGN KEY (event_id) REFERENCES lineage_events(id);--> statement-breakpoint
ALTER TABLE lineage_links ADD CONSTRAINT lineage_links_pred_fk FOREIGN KEY (predecessor_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE lineage_links ADD CONSTRAINT lineage_links_succ_fk FOREIGN KEY (successor_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE lineage_links ADD CONSTRAINT lineage_links_weight_ck CHECK (weight IS NULL OR (weight > 0 AND weight <= 1));--> statement-breakpoint
ALTER TABLE lineage_unresolved ADD CONSTRAINT lineage_unresolved_succ_fk FOREIGN KEY (successor_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE lineage_unresolved ADD CONSTRAINT lineage_unresolved_status_ck CHECK (status IN ('open', 'resolved', 'dismissed'));
