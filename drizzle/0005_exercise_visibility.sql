-- A set may only use a built-in exercise or one owned by the set's own user.
-- Statement-level triggers with transition tables: one join per statement, so bulk imports stay fast.
create or replace function spotter_check_set_exercise_visible() returns trigger
language plpgsql as $$
begin
  if exists (
    select 1
    from new_rows s
    join exercises e on e.id = s.exercise_id
    where e.owner_user_id is not null and e.owner_user_id <> s.user_id
  ) then
    raise exception 'exercise_sets: the exercise belongs to another user'
      using errcode = '23503', constraint = 'exercise_sets_exercise_visible';
  end if;
  return null;
end
$$;
--> statement-breakpoint
drop trigger if exists exercise_sets_exercise_visible_ins on exercise_sets;
--> statement-breakpoint
create trigger exercise_sets_exercise_visible_ins
  after insert on exercise_sets
  referencing new table as new_rows
  for each statement execute function spotter_check_set_exercise_visible();
--> statement-breakpoint
drop trigger if exists exercise_sets_exercise_visible_upd on exercise_sets;
--> statement-breakpoint
create trigger exercise_sets_exercise_visible_upd
  after update on exercise_sets
  referencing new table as new_rows
  for each statement execute function spotter_check_set_exercise_visible();
