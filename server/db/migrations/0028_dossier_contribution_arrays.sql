ALTER TABLE "dossiers" DROP COLUMN "contribution";--> statement-breakpoint
ALTER TABLE "dossier_import_rows" DROP COLUMN "data";