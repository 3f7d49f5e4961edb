-- Dossier rollups at three grains (day, month, year) and for all procedures together, contributions as
-- arrays, typed staging rows (issue 5: dashboards and the bulk import never walk history row by row).
-- Counter codes (rollup.ts COUNTER_CODE): 0 received, 1 receivedOnline, 2 feePayable, 3 paidOnline, 4 digitised, 5 resolvedEarly, 6 resolvedOnTime, 7 resolvedLate, 8 eResult, 9 processingDaysSum, 10 rated, 11 dissatisfied, 12 withdrawn, 13 notYetDue, 14 dueSoon, 15 overdue, 16 suspended, 17 uncollected.
--
-- 1. Staged rows of unfinished imports are dropped; their jobs stage again from their kept file (resumable).
UPDATE "dossier_import_jobs" SET "status" = 'staging', "staged_row" = 0, "rows_read" = 0, "rows_valid" = 0, "error_count" = 0, "errors" = '[]'::jsonb WHERE "status" IN ('staging', 'staged');--> statement-breakpoint
DELETE FROM "dossier_import_rows";--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ALTER COLUMN "data" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "procedure_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "unit_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "channel" text NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "received_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "status" text NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "suspensions" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "fee_payable" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "paid_online" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "digitised" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "e_result" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "rating" text;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "complained" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "contrib_day" date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "contrib_counter" smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ADD COLUMN "contrib_value" integer[] NOT NULL;--> statement-breakpoint
-- 2. Rollups: a grain column, the all-procedures rows (procedure_id = the nil UUID, hence no foreign key).
-- Buckets are derived from dossiers, whose unit and procedure have foreign keys; checking them again for
-- every bucket written was a sixth of a bulk import's time, so the buckets keep none.
ALTER TABLE "dossier_rollups" DROP CONSTRAINT "dossier_rollups_procedure_fk";--> statement-breakpoint
ALTER TABLE "dossier_rollups" DROP CONSTRAINT "dossier_rollups_unit_fk";--> statement-breakpoint
DROP INDEX "dossier_rollups_day_idx";--> statement-breakpoint
ALTER TABLE "dossier_rollups" DROP CONSTRAINT "dossier_rollups_unit_id_procedure_id_day_pk";--> statement-breakpoint
ALTER TABLE "dossier_rollups" ADD COLUMN "grain" text NOT NULL DEFAULT 'd';--> statement-breakpoint
ALTER TABLE "dossier_rollups" ALTER COLUMN "grain" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "dossier_rollups" ADD CONSTRAINT "dossier_rollups_procedure_id_grain_day_unit_id_pk" PRIMARY KEY("procedure_id","grain","day","unit_id");--> statement-breakpoint
ALTER TABLE "dossier_rollups" ADD CONSTRAINT "dossier_rollups_grain_ck" CHECK ("grain" = 'd' OR ("grain" = 'm' AND "day" = date_trunc('month', "day")::date) OR ("grain" = 'y' AND "day" = date_trunc('year', "day")::date));--> statement-breakpoint
INSERT INTO "dossier_rollups" ("grain", "unit_id", "procedure_id", "day", "received", "received_online", "fee_payable", "paid_online", "digitised", "resolved_early", "resolved_on_time", "resolved_late", "e_result", "processing_days_sum", "rated", "dissatisfied", "withdrawn", "not_yet_due", "due_soon", "overdue", "suspended", "uncollected")
SELECT g.grain, r.unit_id,
       CASE WHEN g.all_procedures THEN '00000000-0000-0000-0000-000000000000'::uuid ELSE r.procedure_id END,
       CASE g.grain WHEN 'd' THEN r.day WHEN 'm' THEN date_trunc('month', r.day)::date ELSE date_trunc('year', r.day)::date END,
       SUM(r.received), SUM(r.received_online), SUM(r.fee_payable), SUM(r.paid_online), SUM(r.digitised), SUM(r.resolved_early), SUM(r.resolved_on_time), SUM(r.resolved_late), SUM(r.e_result), SUM(r.processing_days_sum), SUM(r.rated), SUM(r.dissatisfied), SUM(r.withdrawn), SUM(r.not_yet_due), SUM(r.due_soon), SUM(r.overdue), SUM(r.suspended), SUM(r.uncollected)
  FROM "dossier_rollups" r
 CROSS JOIN (VALUES ('m', false), ('y', false), ('d', true), ('m', true), ('y', true)) AS g(grain, all_procedures)
 WHERE r.grain = 'd'
 GROUP BY 1, 2, 3, 4;--> statement-breakpoint
CREATE INDEX "dossier_rollups_unit_idx" ON "dossier_rollups" USING btree ("unit_id","procedure_id","grain","day");--> statement-breakpoint
-- 3. Contributions: jsonb {days: {day: {counter: n}}} → parallel arrays sorted by day, then counter code.
ALTER TABLE "dossiers" ADD COLUMN "contrib_day" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "contrib_counter" smallint[] DEFAULT '{}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "contrib_value" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
UPDATE "dossiers" d
   SET "contrib_day" = x.days, "contrib_counter" = x.counters, "contrib_value" = x.amounts
  FROM (SELECT d2.id,
               array_agg(e.key::date ORDER BY e.key, k.code) AS days,
               array_agg(k.code ORDER BY e.key, k.code) AS counters,
               array_agg(k.amount ORDER BY e.key, k.code) AS amounts
          FROM "dossiers" d2
         CROSS JOIN LATERAL jsonb_each(d2.contribution -> 'days') AS e
         CROSS JOIN LATERAL (SELECT (CASE c.key WHEN 'received' THEN 0 WHEN 'receivedOnline' THEN 1 WHEN 'feePayable' THEN 2 WHEN 'paidOnline' THEN 3 WHEN 'digitised' THEN 4 WHEN 'resolvedEarly' THEN 5 WHEN 'resolvedOnTime' THEN 6 WHEN 'resolvedLate' THEN 7 WHEN 'eResult' THEN 8 WHEN 'processingDaysSum' THEN 9 WHEN 'rated' THEN 10 WHEN 'dissatisfied' THEN 11 WHEN 'withdrawn' THEN 12 WHEN 'notYetDue' THEN 13 WHEN 'dueSoon' THEN 14 WHEN 'overdue' THEN 15 WHEN 'suspended' THEN 16 WHEN 'uncollected' THEN 17 END)::smallint AS code, c.value::int AS amount
                               FROM jsonb_each_text(e.value) AS c) AS k
         GROUP BY d2.id) AS x
 WHERE x.id = d.id;--> statement-breakpoint
ALTER TABLE "dossiers" ALTER COLUMN "contribution" DROP NOT NULL;
--> statement-breakpoint
-- A dashboard reads a few hundred buckets by index; starting parallel workers for that costs 10× the read.
ALTER TABLE "dossier_rollups" SET (parallel_workers = 0);
