-- For operators who let the sandbox log in as spotter_sandbox itself (SANDBOX_DATABASE_URL): then
-- RESET ROLE cannot return to the app role, but the settings statement also runs as spotter_sandbox,
-- which may not read user_profiles. This function returns one user's time zone name and nothing else.
CREATE OR REPLACE FUNCTION public.spotter_sandbox_timezone(uid text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT p.timezone FROM public.user_profiles p WHERE p.user_id = uid $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.spotter_sandbox_timezone(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.spotter_sandbox_timezone(text) TO spotter_sandbox;
