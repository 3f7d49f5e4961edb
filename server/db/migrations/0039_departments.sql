-- Issue 12 (departments): no schema change. The standard departments are versioned data
-- (server/data/departments/) imported into the existing unit and lineage tables.
SELECT 1;
