ALTER TABLE plan_imports ADD CONSTRAINT plan_imports_plan_fk FOREIGN KEY (plan_id) REFERENCES plans(id);--> statement-breakpoint
ALTER TABLE plan_imports ADD CONSTRAINT plan_imports_file_fk FOREIGN KEY (file_id) REFERENCES files(id);--> statement-breakpoint
ALTER TABLE plan_imports ADD CONSTRAINT plan_imports_sha256_ck CHECK (sha256 ~ '^[0-9a-f]{64}$');
