-- Row-level security, cheaper: written as `col = current_setting(...)` the policies' checks ran once
-- per row (current_setting and current_user are only STABLE, and OR-ed with a column they cannot be
-- hoisted), which cost the sandbox ~0.5 ms per 1 000 rows and every non-superuser app query a
-- current_user comparison per row. Wrapped in scalar subqueries they become InitPlans, evaluated
-- once per query. Same meaning; tests/sql-layers.db.test.ts checks both policies on their own.
ALTER POLICY spotter_app_access ON public.workout_sessions
  USING ((SELECT current_user) <> 'spotter_sandbox') WITH CHECK ((SELECT current_user) <> 'spotter_sandbox');
--> statement-breakpoint
ALTER POLICY spotter_sandbox_read ON public.workout_sessions
  USING (user_id = (SELECT current_setting('spotter.sandbox_user_id', true)));
--> statement-breakpoint
ALTER POLICY spotter_app_access ON public.exercise_sets
  USING ((SELECT current_user) <> 'spotter_sandbox') WITH CHECK ((SELECT current_user) <> 'spotter_sandbox');
--> statement-breakpoint
ALTER POLICY spotter_sandbox_read ON public.exercise_sets
  USING (user_id = (SELECT current_setting('spotter.sandbox_user_id', true)));
--> statement-breakpoint
ALTER POLICY spotter_app_access ON public.exercises
  USING ((SELECT current_user) <> 'spotter_sandbox') WITH CHECK ((SELECT current_user) <> 'spotter_sandbox');
--> statement-breakpoint
ALTER POLICY spotter_sandbox_read ON public.exercises
  USING (owner_user_id IS NULL OR owner_user_id = (SELECT current_setting('spotter.sandbox_user_id', true)));
--> statement-breakpoint
ALTER POLICY spotter_app_access ON public.body_metrics
  USING ((SELECT current_user) <> 'spotter_sandbox') WITH CHECK ((SELECT current_user) <> 'spotter_sandbox');
--> statement-breakpoint
ALTER POLICY spotter_sandbox_read ON public.body_metrics
  USING (user_id = (SELECT current_setting('spotter.sandbox_user_id', true)));
