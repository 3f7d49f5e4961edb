-- Pilot direction: foreign keys across modules, the checks the database keeps, an append-only item journal.
ALTER TABLE pilot_programmes ADD CONSTRAINT pilot_programmes_committee_fk FOREIGN KEY (committee_id) REFERENCES committees(id);--> statement-breakpoint
ALTER TABLE pilot_programmes ADD CONSTRAINT pilot_programmes_decision_fk FOREIGN KEY (decision_document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE pilot_units ADD CONSTRAINT pilot_units_programme_fk FOREIGN KEY (programme_id) REFERENCES pilot_programmes(id);--> statement-breakpoint
ALTER TABLE pilot_units ADD CONSTRAINT pilot_units_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE pilot_units ADD CONSTRAINT pilot_units_membership_fk FOREIGN KEY (responsible_membership_id) REFERENCES committee_memberships(id);--> statement-breakpoint
ALTER TABLE pilot_items ADD CONSTRAINT pilot_items_unit_fk FOREIGN KEY (pilot_unit_id) REFERENCES pilot_units(id);--> statement-breakpoint
ALTER TABLE pilot_items ADD CONSTRAINT pilot_items_status_ck CHECK (status IN ('not_started', 'in_progress', 'reported_done', 'returned', 'verified', 'cancelled'));--> statement-breakpoint
ALTER TABLE pilot_items ADD CONSTRAINT pilot_items_area_ck CHECK (reform_area IN ('direction', 'institutions', 'procedures', 'apparatus', 'civil_service', 'public_finance', 'digital_government'));--> statement-breakpoint
ALTER TABLE pilot_item_events ADD CONSTRAINT pilot_item_events_item_fk FOREIGN KEY (item_id) REFERENCES pilot_items(id);--> statement-breakpoint
ALTER TABLE pilot_item_events ADD CONSTRAINT pilot_item_events_document_fk FOREIGN KEY (document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE pilot_reports ADD CONSTRAINT pilot_reports_unit_fk FOREIGN KEY (pilot_unit_id) REFERENCES pilot_units(id);--> statement-breakpoint
ALTER TABLE pilot_reports ADD CONSTRAINT pilot_reports_kind_ck CHECK (kind IN ('half_year', 'year_end'));--> statement-breakpoint
ALTER TABLE pilot_reports ADD CONSTRAINT pilot_reports_status_ck CHECK (status IN ('draft', 'submitted', 'accepted', 'returned'));--> statement-breakpoint
CREATE OR REPLACE FUNCTION pilot_item_events_refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'pilot_item_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER pilot_item_events_no_update BEFORE UPDATE OR DELETE ON pilot_item_events
  FOR EACH ROW EXECUTE FUNCTION pilot_item_events_refuse_change();--> statement-breakpoint
CREATE TRIGGER pilot_item_events_no_truncate BEFORE TRUNCATE ON pilot_item_events
  FOR EACH STATEMENT EXECUTE FUNCTION pilot_item_events_refuse_change();
