ALTER TABLE plans ADD CONSTRAINT plans_owner_fk FOREIGN KEY (owner_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE plans ADD CONSTRAINT plans_document_fk FOREIGN KEY (document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE plans ADD CONSTRAINT plans_method_ck CHECK (method IN ('count', 'weighted'));--> statement-breakpoint
ALTER TABLE plans ADD CONSTRAINT plans_owner_kind_ck CHECK (owner_kind IN ('committee', 'unit'));--> statement-breakpoint
ALTER TABLE plan_tasks ADD CONSTRAINT plan_tasks_plan_fk FOREIGN KEY (plan_id) REFERENCES plans(id);--> statement-breakpoint
ALTER TABLE plan_tasks ADD CONSTRAINT plan_tasks_parent_fk FOREIGN KEY (parent_task_id) REFERENCES plan_tasks(id);--> statement-breakpoint
ALTER TABLE plan_tasks ADD CONSTRAINT plan_tasks_lead_fk FOREIGN KEY (lead_unit_id) REFERENCES units(id);--> statement-breakpoint
ALTER TABLE plan_tasks ADD CONSTRAINT plan_tasks_status_ck CHECK (status IN ('not_started', 'in_progress', 'reported_done', 'returned', 'verified', 'cancelled'));--> statement-breakpoint
ALTER TABLE plan_tasks ADD CONSTRAINT plan_tasks_dates_ck CHECK (start_date IS NULL OR due_date IS NULL OR due_date >= start_date);--> statement-breakpoint
ALTER TABLE task_events ADD CONSTRAINT task_events_task_fk FOREIGN KEY (task_id) REFERENCES plan_tasks(id);
