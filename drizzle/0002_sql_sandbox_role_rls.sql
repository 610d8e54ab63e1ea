-- SQL sandbox, second layer (see docs/sql-sandbox.md). A dedicated NOLOGIN role that can only
-- SELECT the four base tables the sandbox CTEs read, and under FORCEd row-level security only
-- the rows of the user named in the transaction-local setting spotter.sandbox_user_id. Every
-- other role keeps full access through a permissive policy that excludes the sandbox role.
-- Written to be re-runnable and role-agnostic: nothing here names the migrating role.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spotter_sandbox') THEN
    BEGIN
      CREATE ROLE spotter_sandbox NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- created concurrently by another database's migration on the same server
    END;
  END IF;
END $$;
--> statement-breakpoint
-- The app's role (whatever it is called) must be allowed to SET ROLE spotter_sandbox.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'spotter_sandbox', 'MEMBER') THEN
    GRANT spotter_sandbox TO CURRENT_USER;
  END IF;
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'spotter: could not grant spotter_sandbox to %: % (the SQL sandbox will refuse to run until this is fixed)', current_user, SQLERRM;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO spotter_sandbox;
--> statement-breakpoint
GRANT SELECT ON TABLE public.workout_sessions, public.exercise_sets, public.exercises, public.body_metrics TO spotter_sandbox;
--> statement-breakpoint
-- PostgreSQL < 15 lets PUBLIC create objects in schema public; take that away (keeping it for
-- the migrating role, which may rely on it).
DO $$
BEGIN
  IF has_schema_privilege('spotter_sandbox', 'public', 'CREATE') THEN
    GRANT CREATE ON SCHEMA public TO CURRENT_USER;
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'spotter: could not revoke CREATE on schema public from PUBLIC: %', SQLERRM;
END $$;
--> statement-breakpoint
ALTER TABLE public.workout_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.workout_sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.exercise_sets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.exercise_sets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.exercises ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.exercises FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.body_metrics ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.body_metrics FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS spotter_app_access ON public.workout_sessions;
--> statement-breakpoint
CREATE POLICY spotter_app_access ON public.workout_sessions AS PERMISSIVE FOR ALL TO PUBLIC
  USING (current_user <> 'spotter_sandbox') WITH CHECK (current_user <> 'spotter_sandbox');
--> statement-breakpoint
DROP POLICY IF EXISTS spotter_sandbox_read ON public.workout_sessions;
--> statement-breakpoint
CREATE POLICY spotter_sandbox_read ON public.workout_sessions AS PERMISSIVE FOR SELECT TO spotter_sandbox
  USING (user_id = current_setting('spotter.sandbox_user_id', true));
--> statement-breakpoint
DROP POLICY IF EXISTS spotter_app_access ON public.exercise_sets;
--> statement-breakpoint
CREATE POLICY spotter_app_access ON public.exercise_sets AS PERMISSIVE FOR ALL TO PUBLIC
  USING (current_user <> 'spotter_sandbox') WITH CHECK (current_user <> 'spotter_sandbox');
--> statement-breakpoint
DROP POLICY IF EXISTS spotter_sandbox_read ON public.exercise_sets;
--> statement-breakpoint
CREATE POLICY spotter_sandbox_read ON public.exercise_sets AS PERMISSIVE FOR SELECT TO spotter_sandbox
  USING (user_id = current_setting('spotter.sandbox_user_id', true));
--> statement-breakpoint
DROP POLICY IF EXISTS spotter_app_access ON public.exercises;
--> statement-breakpoint
CREATE POLICY spotter_app_access ON public.exercises AS PERMISSIVE FOR ALL TO PUBLIC
  USING (current_user <> 'spotter_sandbox') WITH CHECK (current_user <> 'spotter_sandbox');
--> statement-breakpoint
DROP POLICY IF EXISTS spotter_sandbox_read ON public.exercises;
--> statement-breakpoint
CREATE POLICY spotter_sandbox_read ON public.exercises AS PERMISSIVE FOR SELECT TO spotter_sandbox
  USING (owner_user_id IS NULL OR owner_user_id = current_setting('spotter.sandbox_user_id', true));
--> statement-breakpoint
DROP POLICY IF EXISTS spotter_app_access ON public.body_metrics;
--> statement-breakpoint
CREATE POLICY spotter_app_access ON public.body_metrics AS PERMISSIVE FOR ALL TO PUBLIC
  USING (current_user <> 'spotter_sandbox') WITH CHECK (current_user <> 'spotter_sandbox');
--> statement-breakpoint
DROP POLICY IF EXISTS spotter_sandbox_read ON public.body_metrics;
--> statement-breakpoint
CREATE POLICY spotter_sandbox_read ON public.body_metrics AS PERMISSIVE FOR SELECT TO spotter_sandbox
  USING (user_id = current_setting('spotter.sandbox_user_id', true));
