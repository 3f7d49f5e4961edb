-- The staging rows share the dossier's column definitions (storedDossierColumns in dossiers.table.ts), defaults included;
-- repeated codes in a file are found once staging is over, not kept in an index through every chunk.
DROP INDEX "dossier_import_rows_code_uq";--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ALTER COLUMN "suspensions" SET DEFAULT '[]'::jsonb;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ALTER COLUMN "fee_payable" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ALTER COLUMN "paid_online" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ALTER COLUMN "digitised" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ALTER COLUMN "e_result" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ALTER COLUMN "complained" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ALTER COLUMN "contrib_day" SET DEFAULT '{}'::date[];--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ALTER COLUMN "contrib_counter" SET DEFAULT '{}'::smallint[];--> statement-breakpoint
ALTER TABLE "dossier_import_rows" ALTER COLUMN "contrib_value" SET DEFAULT '{}'::integer[];