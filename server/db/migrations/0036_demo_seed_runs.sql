CREATE TABLE "seed_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
-- The demo is seeded once per database. A database seeded before this migration has the demo's accounts
-- (kept, deactivated, when demo mode is off): its run is recorded so that it is not seeded again.
INSERT INTO "seed_runs" ("name", "detail")
SELECT 'demo', '{"recordedBy":"0036_demo_seed_runs"}'::jsonb
 WHERE EXISTS (SELECT 1 FROM "users" WHERE "demo")
ON CONFLICT ("name") DO NOTHING;
