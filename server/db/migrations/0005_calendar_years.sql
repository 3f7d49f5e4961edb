CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"adjustments" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
