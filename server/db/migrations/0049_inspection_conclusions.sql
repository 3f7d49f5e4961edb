-- The draft of an inspection's conclusion (its numbered recommendations) and what its minutes say beyond the
-- records (the place, the inspected unit's representatives); a verified recommendation has its closing day.
ALTER TABLE "inspections" ADD COLUMN IF NOT EXISTS "conclusion_recommendations" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN IF NOT EXISTS "minutes_details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_conclusion_recommendations_ck CHECK (jsonb_typeof(conclusion_recommendations) = 'array');--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_minutes_details_ck CHECK (jsonb_typeof(minutes_details) = 'object');--> statement-breakpoint
ALTER TABLE inspection_recommendations ADD CONSTRAINT inspection_recommendations_closed_ck CHECK (status <> 'verified' OR closed_on IS NOT NULL);
