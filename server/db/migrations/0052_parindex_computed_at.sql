ALTER TABLE "par_campaigns" ADD COLUMN "criteria_computed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "par_campaigns" ADD COLUMN "compute_requested_at" timestamp with time zone;