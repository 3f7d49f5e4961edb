-- Issue 12: access follows lineage. The access module's rules as versioned data (one row per rule key; no row =
-- the shipped default, so existing databases need no backfill: `lineage_follow` is on by default).
CREATE TABLE IF NOT EXISTS "access_rules" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
