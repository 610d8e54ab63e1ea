CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "user_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"display_name" text,
	"fitness_level" text DEFAULT 'beginner' NOT NULL,
	"goals" text[] DEFAULT '{}'::text[] NOT NULL,
	"units" text DEFAULT 'kg' NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"date_of_birth" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_profiles_fitness_level_check" CHECK ("user_profiles"."fitness_level" in ('beginner','intermediate','advanced')),
	CONSTRAINT "user_profiles_units_check" CHECK ("user_profiles"."units" in ('kg','lb')),
	CONSTRAINT "user_profiles_timezone_check" CHECK (length("user_profiles"."timezone") between 1 and 64),
	CONSTRAINT "user_profiles_display_name_check" CHECK ("user_profiles"."display_name" is null or length("user_profiles"."display_name") <= 80),
	CONSTRAINT "user_profiles_dob_check" CHECK ("user_profiles"."date_of_birth" is null or "user_profiles"."date_of_birth" > date '1900-01-01')
);
--> statement-breakpoint
CREATE TABLE "exercise_aliases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alias" text NOT NULL,
	"exercise_id" uuid NOT NULL,
	"owner_user_id" text,
	CONSTRAINT "exercise_aliases_owner_alias_unique" UNIQUE NULLS NOT DISTINCT("owner_user_id","alias"),
	CONSTRAINT "exercise_aliases_alias_check" CHECK (length("exercise_aliases"."alias") between 1 and 160)
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"owner_user_id" text,
	"category" text NOT NULL,
	"equipment" text NOT NULL,
	"primary_muscles" text[] DEFAULT '{}'::text[] NOT NULL,
	"secondary_muscles" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_owner_slug_unique" UNIQUE NULLS NOT DISTINCT("owner_user_id","slug"),
	CONSTRAINT "exercises_category_check" CHECK ("exercises"."category" in ('strength','machine','bodyweight','cardio','olympic','mobility')),
	CONSTRAINT "exercises_name_check" CHECK (length("exercises"."name") between 1 and 120),
	CONSTRAINT "exercises_slug_check" CHECK ("exercises"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "body_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"date" date NOT NULL,
	"bodyweight_kg" numeric(5, 2),
	"sleep_hours" numeric(4, 2),
	"resting_hr" smallint,
	"strain" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "body_metrics_user_date_unique" UNIQUE("user_id","date"),
	CONSTRAINT "body_metrics_bodyweight_check" CHECK ("body_metrics"."bodyweight_kg" is null or "body_metrics"."bodyweight_kg" between 20 and 400),
	CONSTRAINT "body_metrics_sleep_check" CHECK ("body_metrics"."sleep_hours" is null or "body_metrics"."sleep_hours" between 0 and 24),
	CONSTRAINT "body_metrics_resting_hr_check" CHECK ("body_metrics"."resting_hr" is null or "body_metrics"."resting_hr" between 20 and 250),
	CONSTRAINT "body_metrics_strain_check" CHECK ("body_metrics"."strain" is null or "body_metrics"."strain" between 0 and 100),
	CONSTRAINT "body_metrics_recorded_check" CHECK ("body_metrics"."bodyweight_kg" is not null or "body_metrics"."sleep_hours" is not null or "body_metrics"."resting_hr" is not null or "body_metrics"."strain" is not null)
);
--> statement-breakpoint
CREATE TABLE "exercise_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"exercise_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"set_number" smallint NOT NULL,
	"set_type" text DEFAULT 'normal' NOT NULL,
	"weight_kg" numeric(7, 2),
	"reps" integer,
	"rpe" numeric(3, 1),
	"duration_seconds" integer,
	"distance_m" numeric(10, 2),
	"notes" text,
	CONSTRAINT "exercise_sets_session_position_unique" UNIQUE("session_id","position"),
	CONSTRAINT "exercise_sets_set_type_check" CHECK ("exercise_sets"."set_type" in ('normal','warmup','failure','drop')),
	CONSTRAINT "exercise_sets_position_check" CHECK ("exercise_sets"."position" >= 0),
	CONSTRAINT "exercise_sets_set_number_check" CHECK ("exercise_sets"."set_number" >= 1),
	CONSTRAINT "exercise_sets_weight_check" CHECK ("exercise_sets"."weight_kg" is null or ("exercise_sets"."weight_kg" >= 0 and "exercise_sets"."weight_kg" < 2000)),
	CONSTRAINT "exercise_sets_reps_check" CHECK ("exercise_sets"."reps" is null or "exercise_sets"."reps" between 0 and 1000),
	CONSTRAINT "exercise_sets_rpe_check" CHECK ("exercise_sets"."rpe" is null or "exercise_sets"."rpe" between 1 and 10),
	CONSTRAINT "exercise_sets_duration_check" CHECK ("exercise_sets"."duration_seconds" is null or "exercise_sets"."duration_seconds" between 0 and 86400),
	CONSTRAINT "exercise_sets_distance_check" CHECK ("exercise_sets"."distance_m" is null or "exercise_sets"."distance_m" between 0 and 1000000),
	CONSTRAINT "exercise_sets_recorded_check" CHECK ("exercise_sets"."weight_kg" is not null or "exercise_sets"."reps" is not null or "exercise_sets"."duration_seconds" is not null or "exercise_sets"."distance_m" is not null),
	CONSTRAINT "exercise_sets_notes_check" CHECK ("exercise_sets"."notes" is null or length("exercise_sets"."notes") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text,
	"file_sha256" text NOT NULL,
	"rows" integer NOT NULL,
	"sessions_created" integer NOT NULL,
	"sets_created" integer NOT NULL,
	"skipped" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workout_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"name" text NOT NULL,
	"notes" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"import_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workout_sessions_id_user_unique" UNIQUE("id","user_id"),
	CONSTRAINT "workout_sessions_user_import_key_unique" UNIQUE("user_id","import_key"),
	CONSTRAINT "workout_sessions_source_check" CHECK ("workout_sessions"."source" in ('manual','chat') or "workout_sessions"."source" ~ '^import:[a-z0-9_-]{1,32}$'),
	CONSTRAINT "workout_sessions_ended_check" CHECK ("workout_sessions"."ended_at" is null or "workout_sessions"."ended_at" >= "workout_sessions"."started_at"),
	CONSTRAINT "workout_sessions_duration_check" CHECK ("workout_sessions"."ended_at" is null or "workout_sessions"."ended_at" - "workout_sessions"."started_at" <= interval '24 hours'),
	CONSTRAINT "workout_sessions_name_check" CHECK (length("workout_sessions"."name") between 1 and 200),
	CONSTRAINT "workout_sessions_notes_check" CHECK ("workout_sessions"."notes" is null or length("workout_sessions"."notes") <= 10000)
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"user_id" text PRIMARY KEY NOT NULL,
	"plan" text DEFAULT 'free' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"current_period_end" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_plan_check" CHECK ("subscriptions"."plan" in ('free','pro','trainer')),
	CONSTRAINT "subscriptions_status_check" CHECK ("subscriptions"."status" in ('active','trialing','past_due','canceled','incomplete'))
);
--> statement-breakpoint
CREATE TABLE "rate_limit_buckets" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limit_buckets_key_window_start_pk" PRIMARY KEY("key","window_start"),
	CONSTRAINT "rate_limit_buckets_count_check" CHECK ("rate_limit_buckets"."count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_profiles" ADD CONSTRAINT "user_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_aliases" ADD CONSTRAINT "exercise_aliases_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_aliases" ADD CONSTRAINT "exercise_aliases_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_metrics" ADD CONSTRAINT "body_metrics_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_sets" ADD CONSTRAINT "exercise_sets_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_sets" ADD CONSTRAINT "exercise_sets_session_owner_fk" FOREIGN KEY ("session_id","user_id") REFERENCES "public"."workout_sessions"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_sets" ADD CONSTRAINT "exercise_sets_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_sessions" ADD CONSTRAINT "workout_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercise_aliases_exercise_idx" ON "exercise_aliases" USING btree ("exercise_id");--> statement-breakpoint
CREATE INDEX "exercises_owner_idx" ON "exercises" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "exercise_sets_user_exercise_idx" ON "exercise_sets" USING btree ("user_id","exercise_id");--> statement-breakpoint
CREATE INDEX "exercise_sets_exercise_idx" ON "exercise_sets" USING btree ("exercise_id");--> statement-breakpoint
CREATE INDEX "import_runs_user_idx" ON "import_runs" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "workout_sessions_user_started_idx" ON "workout_sessions" USING btree ("user_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "rate_limit_buckets_expires_idx" ON "rate_limit_buckets" USING btree ("expires_at");