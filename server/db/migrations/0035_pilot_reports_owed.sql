-- A pilot unit owes its 6-monthly and year-end reports from the day it is chosen: each becomes a row (an
-- unwritten draft) so that it is a work item from the start — on the unit's list of work, with its due
-- date and reminders. Reports already written are left as they are.
INSERT INTO pilot_reports (pilot_unit_id, kind, status)
SELECT pu.id, k.kind, 'draft'
  FROM pilot_units pu CROSS JOIN (VALUES ('half_year'), ('year_end')) AS k(kind)
ON CONFLICT (pilot_unit_id, kind) DO NOTHING;
