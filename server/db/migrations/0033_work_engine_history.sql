-- The work engine takes over the history of plan tasks and pilot items (ids kept, so links to an event
-- still work), their evidence as attachment rows, and the review history of pilot reports. Evidence
-- cited before the engine becomes an attachment of the first item that cited it (a file cited by two
-- items keeps its citation on the second, but is downloaded only through the first).
INSERT INTO work_events (id, kind, item_id, action, from_status, to_status, note, percent, document_id, needs_approval, review_of, at, "on", actor_id)
SELECT id, 'plan_task', task_id, action, from_status, to_status, note, percent, document_id, needs_approval, review_of, at, "on", actor_id
  FROM task_events;--> statement-breakpoint
INSERT INTO work_events (id, kind, item_id, action, from_status, to_status, note, percent, document_id, needs_approval, review_of, at, "on", actor_id)
SELECT id, 'pilot_item', item_id, action, from_status, to_status, note, NULL, document_id, false, NULL, at, "on", actor_id
  FROM pilot_item_events;--> statement-breakpoint
INSERT INTO work_attachments (file_id, kind, item_id, uploaded_by, uploaded_at, expires_at)
SELECT DISTINCT ON (f.id) f.id, c.kind, c.item_id, COALESCE(f.created_by, c.actor_id), f.created_at, NULL
  FROM (SELECT 'plan_task' AS kind, e.task_id AS item_id, e.actor_id, e.at, x.file_id
          FROM task_events e, jsonb_array_elements_text(e.file_ids) AS x(file_id)
        UNION ALL
        SELECT 'pilot_item', e.item_id, e.actor_id, e.at, x.file_id
          FROM pilot_item_events e, jsonb_array_elements_text(e.file_ids) AS x(file_id)) AS c
  JOIN files f ON f.id::text = c.file_id
 ORDER BY f.id, c.at;--> statement-breakpoint
INSERT INTO work_event_files (event_id, file_id, position)
SELECT e.id, a.file_id, x.ord - 1
  FROM (SELECT id, file_ids FROM task_events UNION ALL SELECT id, file_ids FROM pilot_item_events) AS e,
       jsonb_array_elements_text(e.file_ids) WITH ORDINALITY AS x(file_id, ord)
  JOIN work_attachments a ON a.file_id::text = x.file_id
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Pilot reports kept only their last submission and review: those become events (submitted 09:00, reviewed
-- 10:00, resubmitted after a same-day return 11:00, Việt Nam time); earlier rounds were not recorded.
INSERT INTO work_events (kind, item_id, action, from_status, to_status, note, at, "on", actor_id)
SELECT 'pilot_report', r.id, 'return', 'submitted', 'returned', r.return_reason,
       (r.reviewed_on::timestamp + interval '10 hours') AT TIME ZONE 'Asia/Ho_Chi_Minh', r.reviewed_on, r.reviewed_by
  FROM pilot_reports r
 WHERE r.reviewed_on IS NOT NULL AND r.status IN ('returned', 'submitted');--> statement-breakpoint
INSERT INTO work_events (kind, item_id, action, from_status, to_status, at, "on", actor_id)
SELECT 'pilot_report', r.id, 'submit',
       CASE WHEN r.status = 'submitted' AND r.reviewed_on IS NOT NULL THEN 'returned' ELSE 'draft' END,
       'submitted',
       (r.submitted_on::timestamp + CASE WHEN r.status = 'submitted' AND r.reviewed_on = r.submitted_on
                                         THEN interval '11 hours' ELSE interval '9 hours' END) AT TIME ZONE 'Asia/Ho_Chi_Minh', r.submitted_on, r.submitted_by
  FROM pilot_reports r
 WHERE r.submitted_on IS NOT NULL;--> statement-breakpoint
INSERT INTO work_events (kind, item_id, action, from_status, to_status, at, "on", actor_id)
SELECT 'pilot_report', r.id, 'accept', 'submitted', 'accepted',
       (r.reviewed_on::timestamp + interval '10 hours') AT TIME ZONE 'Asia/Ho_Chi_Minh', r.reviewed_on, r.reviewed_by
  FROM pilot_reports r
 WHERE r.reviewed_on IS NOT NULL AND r.status = 'accepted';--> statement-breakpoint
ALTER TABLE work_events ADD CONSTRAINT work_events_document_fk FOREIGN KEY (document_id) REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE work_events ADD CONSTRAINT work_events_review_of_fk FOREIGN KEY (review_of) REFERENCES work_events(id);--> statement-breakpoint
ALTER TABLE work_attachments ADD CONSTRAINT work_attachments_file_fk FOREIGN KEY (file_id) REFERENCES files(id);--> statement-breakpoint
ALTER TABLE work_attachments ADD CONSTRAINT work_attachments_uploader_fk FOREIGN KEY (uploaded_by) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE work_event_files ADD CONSTRAINT work_event_files_event_fk FOREIGN KEY (event_id) REFERENCES work_events(id);--> statement-breakpoint
ALTER TABLE work_event_files ADD CONSTRAINT work_event_files_file_fk FOREIGN KEY (file_id) REFERENCES work_attachments(file_id);--> statement-breakpoint
CREATE OR REPLACE FUNCTION work_history_refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER work_events_no_update BEFORE UPDATE OR DELETE ON work_events
  FOR EACH ROW EXECUTE FUNCTION work_history_refuse_change();--> statement-breakpoint
CREATE TRIGGER work_events_no_truncate BEFORE TRUNCATE ON work_events
  FOR EACH STATEMENT EXECUTE FUNCTION work_history_refuse_change();--> statement-breakpoint
CREATE TRIGGER work_event_files_no_update BEFORE UPDATE OR DELETE ON work_event_files
  FOR EACH ROW EXECUTE FUNCTION work_history_refuse_change();--> statement-breakpoint
CREATE TRIGGER work_event_files_no_truncate BEFORE TRUNCATE ON work_event_files
  FOR EACH STATEMENT EXECUTE FUNCTION work_history_refuse_change();
