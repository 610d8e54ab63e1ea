CREATE TABLE "live_settings" (
	"user_id" text PRIMARY KEY NOT NULL,
	"rest_compound_seconds" integer DEFAULT 180 NOT NULL,
	"rest_accessory_seconds" integer DEFAULT 90 NOT NULL,
	"rest_end_signal" text DEFAULT 'voice' NOT NULL,
	"bar_kg" numeric(5, 2) DEFAULT 20 NOT NULL,
	"plates_kg" numeric(5, 2)[] DEFAULT '{25,20,15,10,5,2.5,1.25}'::numeric[] NOT NULL,
	"persona" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_settings_rest_check" CHECK ("live_settings"."rest_compound_seconds" between 0 and 1800 and "live_settings"."rest_accessory_seconds" between 0 and 1800),
	CONSTRAINT "live_settings_signal_check" CHECK ("live_settings"."rest_end_signal" in ('voice','beep','vibrate')),
	CONSTRAINT "live_settings_bar_check" CHECK ("live_settings"."bar_kg" between 0 and 100),
	CONSTRAINT "live_settings_plates_check" CHECK (cardinality("live_settings"."plates_kg") <= 20),
	CONSTRAINT "live_settings_persona_check" CHECK ("live_settings"."persona" is null or "live_settings"."persona" in ('alice','aiden'))
);
--> statement-breakpoint
CREATE TABLE "live_workouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"state" jsonb NOT NULL,
	"origin" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_workouts_user_unique" UNIQUE("user_id"),
	CONSTRAINT "live_workouts_version_check" CHECK ("live_workouts"."version" >= 1),
	CONSTRAINT "live_workouts_origin_check" CHECK ("live_workouts"."origin" in ('empty','plan','repeat','template')),
	CONSTRAINT "live_workouts_state_size_check" CHECK (pg_column_size("live_workouts"."state") <= 1000000)
);
--> statement-breakpoint
CREATE TABLE "workout_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"exercises" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workout_templates_name_check" CHECK (length("workout_templates"."name") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "workout_sessions" DROP CONSTRAINT "workout_sessions_source_check";--> statement-breakpoint
ALTER TABLE "live_settings" ADD CONSTRAINT "live_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_workouts" ADD CONSTRAINT "live_workouts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_templates" ADD CONSTRAINT "workout_templates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workout_templates_user_idx" ON "workout_templates" USING btree ("user_id","name");--> statement-breakpoint
ALTER TABLE "workout_sessions" ADD CONSTRAINT "workout_sessions_source_check" CHECK ("workout_sessions"."source" in ('manual','chat','live') or "workout_sessions"."source" ~ '^import:[a-z0-9_-]{1,32}$');