ALTER TABLE task_dependencies ADD CONSTRAINT task_dependencies_task_fk FOREIGN KEY (task_id) REFERENCES plan_tasks(id);--> statement-breakpoint
ALTER TABLE task_dependencies ADD CONSTRAINT task_dependencies_on_fk FOREIGN KEY (depends_on_task_id) REFERENCES plan_tasks(id);--> statement-breakpoint
ALTER TABLE task_dependencies ADD CONSTRAINT task_dependencies_not_self_ck CHECK (task_id <> depends_on_task_id);--> statement-breakpoint
ALTER TABLE progress_approval_settings ADD CONSTRAINT progress_approval_unit_fk FOREIGN KEY (unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE task_events ADD CONSTRAINT task_events_review_of_fk FOREIGN KEY (review_of) REFERENCES task_events(id);
