-- The exercise-visibility checks on exercise_sets must fire in every session mode: the importer
-- loads sets with session_replication_role = replica (skipping the per-row foreign-key triggers,
-- whose locks it takes once itself) and only does so when every other trigger is ENABLE ALWAYS.
alter table exercise_sets enable always trigger exercise_sets_exercise_visible_ins;
--> statement-breakpoint
alter table exercise_sets enable always trigger exercise_sets_exercise_visible_upd;
