ALTER TABLE "par_campaigns" ADD COLUMN "remediation_working_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE par_campaigns ADD CONSTRAINT par_campaigns_remediation_days_ck CHECK (remediation_working_days BETWEEN 1 AND 250);
