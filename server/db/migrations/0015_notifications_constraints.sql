ALTER TABLE notifications ADD CONSTRAINT notifications_user_fk FOREIGN KEY (user_id) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE notifications ADD CONSTRAINT notifications_text_ck CHECK (message_key IS NOT NULL OR text IS NOT NULL);--> statement-breakpoint
ALTER TABLE notifications ADD CONSTRAINT notifications_link_ck CHECK (link IS NULL OR link LIKE '/%');--> statement-breakpoint
ALTER TABLE notification_preferences ADD CONSTRAINT notification_preferences_user_fk FOREIGN KEY (user_id) REFERENCES users(id);--> statement-breakpoint
ALTER TABLE notification_preferences ADD CONSTRAINT notification_preferences_email_ck CHECK (email IN ('immediate', 'digest', 'off'));--> statement-breakpoint
ALTER TABLE notification_preferences ADD CONSTRAINT notification_preferences_hour_ck CHECK (digest_hour BETWEEN 0 AND 23);--> statement-breakpoint
ALTER TABLE jobs ADD CONSTRAINT jobs_status_ck CHECK (status IN ('pending', 'running', 'done', 'skipped', 'failed'));--> statement-breakpoint
ALTER TABLE jobs ADD CONSTRAINT jobs_attempts_ck CHECK (attempts >= 0 AND max_attempts >= 1);
