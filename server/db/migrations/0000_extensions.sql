-- Accent-insensitive search on both engines (PGlite loads the same contrib extensions).
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- unaccent() is only STABLE (it depends on the search path); this wrapper pins the dictionary so it can be
-- IMMUTABLE and used in expression indexes: f_unaccent(lower(name)) gin_trgm_ops.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
