-- A rule set's version numbers are unique; versions are added, never edited.
CREATE UNIQUE INDEX reporting_rules_version_uq ON reporting_rules (rule_set_id, version);--> statement-breakpoint
-- Two GSO imports running at once on PostgreSQL cannot record the same event twice.
CREATE UNIQUE INDEX lineage_events_gso_key_uq ON lineage_events (source, note) WHERE source = 'gso-2025';
