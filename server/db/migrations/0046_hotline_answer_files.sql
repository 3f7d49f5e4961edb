CREATE TABLE "feedback_answer_files" (
	"case_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_answer_files_pk" ON "feedback_answer_files" USING btree ("case_id","file_id");--> statement-breakpoint
ALTER TABLE feedback_answer_files ADD CONSTRAINT feedback_answer_files_case_fk FOREIGN KEY (case_id) REFERENCES feedback_cases(id);--> statement-breakpoint
ALTER TABLE feedback_answer_files ADD CONSTRAINT feedback_answer_files_file_fk FOREIGN KEY (file_id) REFERENCES files(id);
