-- The dossier list (drill-down, the Excel export) reads in receipt order (received_at, code) from a keyset cursor:
-- with this index a page of a wide scope is one range of it instead of a sort of the whole scope.
CREATE INDEX "dossiers_received_code_idx" ON "dossiers" USING btree ("received_at","code");
