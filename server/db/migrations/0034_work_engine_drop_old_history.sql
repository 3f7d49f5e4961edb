DROP TABLE "task_events" CASCADE;--> statement-breakpoint
DROP TABLE "pilot_item_events" CASCADE;--> statement-breakpoint
DROP FUNCTION IF EXISTS pilot_item_events_refuse_change();
