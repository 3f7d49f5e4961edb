-- Issue 12: a procedure's publication (công khai on the national and provincial portals, QĐ 766/QĐ-TTg group 1).
-- Existing procedures were never recorded as published or not: they stay NULL ("not recorded"), never counted
-- either way. The online level (NĐ 42/2022/NĐ-CP: none / một phần / toàn trình) is the existing
-- online_capability column; an index serves the counts by level.
ALTER TABLE dossier_procedures ADD COLUMN IF NOT EXISTS published boolean;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS dossier_procedures_online_idx ON dossier_procedures USING btree (online_capability, published);
