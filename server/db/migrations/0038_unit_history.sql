-- Issue 12: unit history before 2025 (decision 0007).
-- A unit whose founding date is unknown keeps the open start 1900-01-01 and says since when it is attested.
ALTER TABLE "units" ADD COLUMN "known_since" date;
--> statement-breakpoint
-- Units the 2025-only import wrote with the open start were attested by its list of 30/6/2025 (the history
-- import moves this to 15/10/2017 or to the unit's real start).
UPDATE "units" SET "known_since" = '2025-06-30' WHERE "valid_from" = '1900-01-01' AND "known_since" IS NULL;
--> statement-breakpoint
-- An event known only within a window: its first possible day (effective_date is then the window's last day).
ALTER TABLE "lineage_events" ADD COLUMN "earliest_date" date;
--> statement-breakpoint
-- Unresolved lineage either way: a successor whose predecessor has no code (2025 merger map), or a unit that ended
-- without a known successor (history 2017-2025).
ALTER TABLE "lineage_unresolved" ALTER COLUMN "successor_id" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "lineage_unresolved" ADD COLUMN "predecessor_id" uuid;
--> statement-breakpoint
CREATE INDEX "lineage_unresolved_pred_idx" ON "lineage_unresolved" USING btree ("predecessor_id");
