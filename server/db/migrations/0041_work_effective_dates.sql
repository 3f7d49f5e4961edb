-- Issue 12: the effective date of a workflow step. `work_events.on` is the day a step took effect (what
-- lateness, overdue, KPIs and the dashboards count); the new `recorded_on` is the day it was recorded
-- (with `at`, the instant, and `actor_id`, who recorded it). Existing events were recorded on the day of
-- their instant, in Vietnam time (UTC+7, no daylight saving).
ALTER TABLE work_events ADD COLUMN recorded_on date;--> statement-breakpoint
ALTER TABLE work_events DISABLE TRIGGER work_events_no_update;--> statement-breakpoint
UPDATE work_events SET recorded_on = ((at AT TIME ZONE 'UTC') + interval '7 hours')::date;--> statement-breakpoint
ALTER TABLE work_events ENABLE TRIGGER work_events_no_update;--> statement-breakpoint
ALTER TABLE work_events ALTER COLUMN recorded_on SET DEFAULT (((now() AT TIME ZONE 'UTC') + interval '7 hours')::date);--> statement-breakpoint
ALTER TABLE work_events ALTER COLUMN recorded_on SET NOT NULL;
